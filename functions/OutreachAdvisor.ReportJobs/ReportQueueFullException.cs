namespace OutreachAdvisor.ReportJobs;

/// <summary>The job queue is full (the in-process queue of <c>outreach serve</c> is bounded): the API answers 503 with Retry-After.</summary>
public sealed class ReportQueueFullException : Exception
{
    public ReportQueueFullException()
    {
    }

    public ReportQueueFullException(string message) : base(message)
    {
    }

    public ReportQueueFullException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

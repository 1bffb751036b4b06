
namespace OutreachAdvisor.ReportJobs;

/// <summary>A failure worth retrying (the queue delivers the job again); any other exception fails the job at once.</summary>
public sealed class TransientReportException : Exception
{
    public TransientReportException()
    {
    }

    public TransientReportException(string message) : base(message)
    {
    }

    public TransientReportException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

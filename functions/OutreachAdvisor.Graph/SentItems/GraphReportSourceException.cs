namespace OutreachAdvisor.Graph.SentItems;

/// <summary>Graph could not give the report its mail. <see cref="IsTransient"/>: worth retrying later (throttling, outages).</summary>
public sealed class GraphReportSourceException : Exception
{
    public GraphReportSourceException()
    {
    }

    public GraphReportSourceException(string message) : base(message)
    {
    }

    public GraphReportSourceException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    public GraphReportSourceException(string message, bool isTransient, Exception? innerException = null) : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}

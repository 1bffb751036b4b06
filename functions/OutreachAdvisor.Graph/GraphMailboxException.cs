namespace OutreachAdvisor.Graph;

/// <summary>
/// Microsoft Graph could not answer a mailbox question. The message is one line, fit to show as the
/// reason the mailbox rules were skipped; the Graph error (if any) is the inner exception.
/// </summary>
public sealed class GraphMailboxException : Exception
{
    public GraphMailboxException()
    {
    }

    public GraphMailboxException(string message) : base(message)
    {
    }

    public GraphMailboxException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

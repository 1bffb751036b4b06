namespace OutreachAdvisor.Mailbox;

/// <summary>
/// The mailbox given by the user cannot be used (missing path, unreadable folder, a file named
/// explicitly that is not mail). The message is one line, meant to be printed as it is by the
/// command line before it exits with code 2.
/// </summary>
public sealed class MailboxException : Exception
{
    public MailboxException()
    {
    }

    public MailboxException(string message)
        : base(message)
    {
    }

    public MailboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

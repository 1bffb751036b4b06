
namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>What one file contributed to the mailbox.</summary>
/// <param name="SkippedMessages">Messages in the file that had no author and were left out.</param>
/// <param name="PartlyRead">An mbox whose reading stopped at a malformed message; the messages before it are kept.</param>
internal sealed record MailFileContent(
    IReadOnlyList<MessageHeaders> Messages,
    IReadOnlyList<string> ContactAddresses,
    int SkippedMessages,
    bool PartlyRead);

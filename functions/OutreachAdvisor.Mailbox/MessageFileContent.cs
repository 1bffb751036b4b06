using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Mailbox;

/// <summary>A message file read for checking, with what could not be read of it.</summary>
/// <param name="Message">The analysis request. Addresses MimeKit could not parse are recovered from the raw headers.</param>
/// <param name="UnreadableAddressHeaders">
/// The address headers ("From", "To", "Cc", "Bcc", "Sender", as the file spells them) that held text
/// from which no address at all could be recovered. Non-empty means recipients (or the sender) are
/// missing from <see cref="Message"/>: the caller must say so in the result's checks instead of letting
/// rules pass on an empty list (issue 15.4).
/// </param>
public sealed record MessageFileContent(MessageInput Message, IReadOnlyList<string> UnreadableAddressHeaders)
{
    /// <summary>True when To, Cc or Bcc held something no address could be recovered from.</summary>
    public bool HasUnreadableRecipients => Message.UnreadableRecipientHeaders.Count > 0;

    /// <summary>
    /// The address headers that gave some addresses but held a part that gave none
    /// (<c>To: ok@a.example, ??? garbage</c>): someone is missing from the list read.
    /// </summary>
    public IReadOnlyList<string> PartlyReadableAddressHeaders { get; init; } = [];
}

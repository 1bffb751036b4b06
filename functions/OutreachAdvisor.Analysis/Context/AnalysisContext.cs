using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// Everything the rules may know beyond the message itself, gathered before any rule runs (see
/// <see cref="ContextGatherer"/>). Rules never do I/O: what is not here was not available.
/// </summary>
public sealed class AnalysisContext
{
    private readonly Dictionary<string, RecipientFacts> _recipients;

    public AnalysisContext(IEnumerable<RecipientFacts> recipients, Organization organization, string? mailboxName, Reason? mailboxUnavailableReason)
    {
        _recipients = recipients.ToDictionary(r => r.Recipient.Address.Trim(), StringComparer.OrdinalIgnoreCase);
        Organization = organization;
        MailboxName = mailboxName;
        MailboxUnavailableReason = mailboxName is null ? mailboxUnavailableReason ?? new Reason("mailbox/none") : mailboxUnavailableReason;
    }

    /// <summary>The mailbox provider's name ("local-files", "graph"), or null when there is none.</summary>
    public string? MailboxName { get; }

    /// <summary>Why mailbox facts are missing (none given, timed out, failed), or null when they are here.</summary>
    public Reason? MailboxUnavailableReason { get; }

    public bool HasMailbox => MailboxUnavailableReason is null;

    /// <summary>The cloud language service asked ("azure-ai-language"), or null when only the built-in analyzer ran.</summary>
    public string? LanguageService { get; init; }

    /// <summary>What the language service found in the plain text, or null when it was not used or failed.</summary>
    public LanguageSignals? LanguageSignals { get; init; }

    /// <summary>Why the configured language service gave nothing (timeout, error), or null.</summary>
    public Reason? LanguageUnavailableReason { get; init; }

    /// <summary>The sender's organisation (from the mailbox, else the sender's own non-webmail domain).</summary>
    public Organization Organization { get; }

    /// <summary>A context with no mailbox and no found-at verdicts: what the message alone tells.</summary>
    public static AnalysisContext FromMessageOnly(MessageInput message, Reason? reason = null) =>
        new(message.AllRecipients.Select(r => new RecipientFacts { Recipient = r, FoundAtSource = message.FoundAtFor(r) }).ToList(),
            Organization.OfSender(message.From), mailboxName: null, reason);

    public RecipientFacts For(EmailAddress recipient) =>
        _recipients.TryGetValue(recipient.Address.Trim(), out RecipientFacts? facts) ? facts : new RecipientFacts { Recipient = recipient };

    public bool IsSameOrganization(EmailAddress address) => Organization.Contains(address);
}

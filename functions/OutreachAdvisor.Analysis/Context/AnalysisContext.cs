using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>What the context stage learned about one recipient. Null means "could not be checked".</summary>
public sealed record RecipientFacts
{
    public required EmailAddress Recipient { get; init; }
    public RecipientHistory? History { get; init; }
    public bool? IsContact { get; init; }
    public bool IsSameOrganization { get; init; }
    /// <summary>The page the sender says they found the address on, when given.</summary>
    public string? FoundAtSource { get; init; }
    public FoundAtVerdict? FoundAt { get; init; }
}

/// <summary>
/// Everything the rules may know beyond the message itself, gathered before any rule runs (see
/// <see cref="ContextGatherer"/>). Rules never do I/O: what is not here was not available.
/// </summary>
public sealed class AnalysisContext
{
    private readonly Dictionary<string, RecipientFacts> _recipients;

    public AnalysisContext(IEnumerable<RecipientFacts> recipients, IReadOnlyCollection<string> organizationDomains, string? mailboxName, string? mailboxUnavailableReason)
    {
        _recipients = recipients.ToDictionary(r => r.Recipient.Address.Trim(), StringComparer.OrdinalIgnoreCase);
        OrganizationDomains = organizationDomains;
        MailboxName = mailboxName;
        MailboxUnavailableReason = mailboxName is null ? mailboxUnavailableReason ?? "no mailbox was given" : mailboxUnavailableReason;
    }

    /// <summary>The mailbox provider's name ("local-files", "graph"), or null when there is none.</summary>
    public string? MailboxName { get; }

    /// <summary>Why mailbox facts are missing (none given, timed out, failed), or null when they are here.</summary>
    public string? MailboxUnavailableReason { get; }

    public bool HasMailbox => MailboxUnavailableReason is null;

    /// <summary>The cloud language service asked ("azure-ai-language"), or null when only the built-in analyzer ran.</summary>
    public string? LanguageService { get; init; }

    /// <summary>What the language service found in the plain text, or null when it was not used or failed.</summary>
    public LanguageSignals? LanguageSignals { get; init; }

    /// <summary>Why the configured language service gave nothing (timeout, error), or null.</summary>
    public string? LanguageUnavailableReason { get; init; }

    /// <summary>Domains of the sender's organisation (from the mailbox, else the sender's own non-webmail domain).</summary>
    public IReadOnlyCollection<string> OrganizationDomains { get; }

    /// <summary>A context with no mailbox and no found-at verdicts: what the message alone tells.</summary>
    public static AnalysisContext FromMessageOnly(MessageInput message, string? reason = null) =>
        new(message.AllRecipients.Select(r => new RecipientFacts { Recipient = r, FoundAtSource = FoundAtFor(message, r) }).ToList(),
            SenderDomains(message), mailboxName: null, reason);

    public RecipientFacts For(EmailAddress recipient) =>
        _recipients.TryGetValue(recipient.Address.Trim(), out RecipientFacts? facts) ? facts : new RecipientFacts { Recipient = recipient };

    public bool IsSameOrganization(EmailAddress address) => IsInDomains(OrganizationDomains, address.Domain);

    /// <summary>True when <paramref name="domain"/> is one of <paramref name="domains"/> or a subdomain of one.</summary>
    internal static bool IsInDomains(IReadOnlyCollection<string> domains, string domain) =>
        domain.Length > 0 && domains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    internal static IReadOnlyCollection<string> SenderDomains(MessageInput message)
    {
        string? domain = message.From?.Domain;
        return string.IsNullOrEmpty(domain) || PublicMailDomains.Contains(domain) ? [] : [domain];
    }

    internal static string? FoundAtFor(MessageInput message, EmailAddress recipient)
    {
        if (message.FoundAt is null)
            return null;
        foreach ((string address, string source) in message.FoundAt)
        {
            if (address.Trim().Equals(recipient.Address.Trim(), StringComparison.OrdinalIgnoreCase))
                return source;
        }
        return null;
    }
}

using System.Text.Json.Serialization;

namespace OutreachAdvisor.Analysis.Model;

/// <summary>The message being checked: the contract's analysis request.</summary>
public sealed record MessageInput
{
    public EmailAddress? From { get; init; }
    public IReadOnlyList<EmailAddress> To { get; init; } = [];
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];
    public IReadOnlyList<EmailAddress> Bcc { get; init; } = [];
    public string Subject { get; init; } = string.Empty;
    public string Body { get; init; } = string.Empty;
    public BodyFormat BodyFormat { get; init; } = BodyFormat.Text;

    /// <summary>
    /// The recipient headers ("To", "Cc", "Bcc") of a message read from a file that held text from which no
    /// address could be recovered (issue 15.4): the recipient lists are incomplete, so the rules that judge
    /// recipients are skipped saying so instead of passing on what is left. Never read from a request body.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> UnreadableRecipientHeaders { get; init; } = [];

    /// <summary>
    /// The recipient headers of a message read from a file that gave addresses but also held a part that gave
    /// none (<c>To: ok@a.example, ??? garbage</c>): someone is missing from the list, so the rules that judge
    /// recipients say so, and do not pass on the part they saw. Never read from a request body.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<string> PartlyReadableRecipientHeaders { get; init; } = [];

    /// <summary>Recipient address to the page (URL or file) where the sender found it.</summary>
    public IReadOnlyDictionary<string, string>? FoundAt { get; init; }

    /// <summary>
    /// Recipient address to where the user engaged with them outside this mailbox ("linkedin", "event",
    /// "introduced", or their own words, up to <see cref="MaxPriorContactLength"/> characters): such a
    /// recipient is not cold (contract section 6).
    /// </summary>
    public IReadOnlyDictionary<string, string>? PriorContact { get; init; }

    public const int MaxPriorContactLength = 60;

    /// <summary>Where the user says they engaged with <paramref name="recipient"/>, or null.</summary>
    public string? PriorContactFor(EmailAddress recipient) => Lookup(PriorContact, recipient);

    /// <summary>The found-at page given for <paramref name="recipient"/>, or null.</summary>
    public string? FoundAtFor(EmailAddress recipient) => Lookup(FoundAt, recipient);

    private static string? Lookup(IReadOnlyDictionary<string, string>? map, EmailAddress recipient)
    {
        if (map is null)
            return null;
        foreach ((string address, string value) in map)
        {
            if (address.Trim().Equals(recipient.Address.Trim(), StringComparison.OrdinalIgnoreCase))
                return value.Trim();
        }
        return null;
    }

    /// <summary>To, Cc and Bcc, in that order, without duplicates (by address, case-insensitive).</summary>
    public IEnumerable<EmailAddress> AllRecipients =>
        To.Concat(Cc).Concat(Bcc).DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase);
}

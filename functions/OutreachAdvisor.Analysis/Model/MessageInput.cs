namespace OutreachAdvisor.Analysis.Model;

/// <summary>A name and an e-mail address, as in the contract's request (section 2).</summary>
public sealed record EmailAddress(string? Name, string Address)
{
    /// <summary>The part after '@', lower-cased; empty when the address has none.</summary>
    public string Domain
    {
        get
        {
            int at = Address.LastIndexOf('@');
            return at < 0 ? string.Empty : Address[(at + 1)..].Trim().ToLowerInvariant();
        }
    }

    /// <summary>The part before '@'.</summary>
    public string LocalPart
    {
        get
        {
            int at = Address.LastIndexOf('@');
            return at < 0 ? Address : Address[..at];
        }
    }

    public override string ToString() => string.IsNullOrWhiteSpace(Name) ? Address : $"{Name} <{Address}>";
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<BodyFormat>))]
public enum BodyFormat
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("text")] Text,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("html")] Html,
}

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

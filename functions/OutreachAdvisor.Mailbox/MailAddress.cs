namespace OutreachAdvisor.Mailbox;

/// <summary>How addresses are compared everywhere in this project: trimmed, without angle brackets, lower-case.</summary>
/// <remarks>
/// The local part is case-sensitive in theory (RFC 5321) but no real provider treats it so, and
/// users type addresses in any case; comparing case-insensitively avoids missed history.
/// </remarks>
public static class MailAddress
{
    public static string Normalize(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Trim().Trim('<', '>').Trim().ToLowerInvariant();
    }

    /// <summary>The part after the last '@', or null when there is none.</summary>
    public static string? DomainOf(string address)
    {
        string normalized = Normalize(address);
        int at = normalized.LastIndexOf('@');
        return at < 0 || at == normalized.Length - 1 ? null : normalized[(at + 1)..];
    }
}

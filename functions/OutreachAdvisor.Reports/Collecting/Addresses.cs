namespace OutreachAdvisor.Reports.Collecting;

/// <summary>Addresses are compared trimmed, without angle brackets and lower-case (as the Mailbox project does).</summary>
internal static class Addresses
{
    public static string Normalize(string address) => address.Trim().Trim('<', '>').Trim().ToLowerInvariant();

    public static string DomainOf(string normalized)
    {
        int at = normalized.LastIndexOf('@');
        return at < 0 ? string.Empty : normalized[(at + 1)..];
    }
}

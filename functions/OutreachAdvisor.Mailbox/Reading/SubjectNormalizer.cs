using System.Text.RegularExpressions;

namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>
/// Reduces a subject to what stays the same across replies and forwards, for threading messages
/// that carry no References or In-Reply-To.
/// </summary>
internal static partial class SubjectNormalizer
{
    // Reply and forward prefixes of English, Italian (R:, I:, RIF:) and German (AW:) mail clients,
    // optionally counted ("Re[2]:", "Re(2):"), repeated in any order.
    [GeneratedRegex(@"^\s*(?:(?:re|fwd?|r|i|aw|rif)\s*(?:\[\d+\]|\(\d+\))?\s*:\s*)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReplyPrefixes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Normalize(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return string.Empty;
        }

        string withoutPrefixes = ReplyPrefixes().Replace(subject, string.Empty);
        return Whitespace().Replace(withoutPrefixes, " ").Trim().ToLowerInvariant();
    }
}

using System.Text;
using MimeKit;

namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>
/// The mailboxes of one address header (From, To, Cc, Bcc, Sender). MimeKit's list parse comes first;
/// when it refuses the whole header (an unquoted backslash as in <c>Eva \orris &lt;eva@org27.example&gt;</c>,
/// a stray quote), the addresses are recovered from the raw text - the angle-bracketed address of each
/// comma-separated part, else a bare address - so a recipient never vanishes because of how their name
/// was written. "Unrecovered" is true when the header held something and no address could
/// be recovered from it (the second value returned): the caller must say so rather than treat the header as empty;
/// <see cref="ParseParts"/> also tells when only some parts gave an address.
/// </summary>
internal static class HeaderAddresses
{
    public static (IReadOnlyList<RecoveredAddress> Addresses, bool Unrecovered) Parse(Header header)
    {
        (IReadOnlyList<RecoveredAddress> addresses, bool unrecovered, _) = ParseParts(header);
        return (addresses, unrecovered);
    }

    /// <summary>
    /// As <see cref="Parse"/>, and whether the header was only partly readable: some of its comma-separated parts
    /// gave an address and at least one that held text gave none (<c>ok@a.example, ??? garbage</c>). Such a part is
    /// a recipient the message has and the list lacks, whether MimeKit refused the header or silently skipped it.
    /// </summary>
    public static (IReadOnlyList<RecoveredAddress> Addresses, bool Unrecovered, bool PartlyReadable) ParseParts(Header header)
    {
        ArgumentNullException.ThrowIfNull(header);
        string raw = Encoding.UTF8.GetString(header.RawValue).ReplaceLineEndings(" ");
        IReadOnlyList<RecoveredAddress> addresses;
        if (InternetAddressList.TryParse(ParserOptions.Default, header.RawValue, out InternetAddressList? list))
        {
            // A group with no members ("undisclosed-recipients:;") parses to nothing and is not a failure. Loose
            // parsing takes a word such as "???" for a local address: without an '@' it is no one's, and its part unreadable.
            addresses = list.Mailboxes
                .Where(m => !string.IsNullOrWhiteSpace(m.Address) && m.Address.Contains('@', StringComparison.Ordinal))
                .Select(m => new RecoveredAddress(string.IsNullOrWhiteSpace(m.Name) ? null : m.Name.Trim(), m.Address.Trim()))
                .ToArray();
        }
        else
        {
            addresses = Recover(raw);
        }

        // A part that held text and gave no address is a recipient missing from the list.
        bool unreadablePart = SplitOutsideQuotesAndBrackets(raw).Any(part => !IsReadablePart(part));
        return addresses.Count == 0 ? (addresses, unreadablePart, false) : (addresses, false, unreadablePart);
    }

    /// <summary>A part is readable when it is blank (after a group's name) or an address can be read from it, by MimeKit or by recovery.</summary>
    private static bool IsReadablePart(string part)
    {
        string content = WithoutGroupName(part).Trim();
        if (content.Length == 0)
            return true;
        if (InternetAddressList.TryParse(ParserOptions.Default, content, out InternetAddressList? list) && list.Mailboxes.Any(m => !string.IsNullOrWhiteSpace(m.Address) && m.Address.Contains('@', StringComparison.Ordinal)))
            return true;
        return Recover(content).Count > 0;
    }

    /// <summary>"Friends: ann@x.example" without "Friends:" (a group's display name, before an unquoted colon outside brackets).</summary>
    private static string WithoutGroupName(string part)
    {
        bool quoted = false;
        for (int i = 0; i < part.Length; i++)
        {
            char c = part[i];
            if (c == '\\')
                i++;
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == '<')
                return part;
            else if (!quoted && c == ':')
                return part[(i + 1)..];
        }

        return part;
    }

    /// <summary>Addresses in text that no RFC 5322 parser accepted, one per comma-separated part (linear time, no regex).</summary>
    internal static List<RecoveredAddress> Recover(string raw)
    {
        var result = new List<RecoveredAddress>();
        foreach (string part in SplitOutsideQuotesAndBrackets(raw))
        {
            int open = part.LastIndexOf('<');
            int close = open < 0 ? -1 : part.IndexOf('>', open);
            if (close > open && IsAddress(part.AsSpan(open + 1, close - open - 1).Trim()))
            {
                string name = Unescape(part[..open]).Trim().Trim('"').Trim();
                result.Add(new RecoveredAddress(name.Length == 0 ? null : name, part[(open + 1)..close].Trim()));
                continue;
            }

            foreach (string bare in BareAddresses(part))
                result.Add(new RecoveredAddress(null, bare));
        }

        return result;
    }

    /// <summary>Runs of address characters around each '@' that form local@domain.tld.</summary>
    private static IEnumerable<string> BareAddresses(string text)
    {
        int searchFrom = 0;
        while (searchFrom < text.Length)
        {
            int at = text.IndexOf('@', searchFrom);
            if (at < 0)
                yield break;
            int start = at;
            while (start > 0 && IsLocalChar(text[start - 1]))
                start--;
            int end = at + 1;
            while (end < text.Length && IsDomainChar(text[end]))
                end++;
            string candidate = text[start..end].TrimEnd('.', '-');
            if (IsAddress(candidate))
                yield return candidate;
            searchFrom = Math.Max(end, at + 1);
        }
    }

    private static bool IsAddress(ReadOnlySpan<char> text)
    {
        int at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
            return false;
        foreach (char c in text[..at])
        {
            if (!IsLocalChar(c))
                return false;
        }

        ReadOnlySpan<char> domain = text[(at + 1)..];
        foreach (char c in domain)
        {
            if (!IsDomainChar(c))
                return false;
        }

        return domain.Contains('.') && domain[0] != '.' && domain[^1] != '.';
    }

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || "._%+-!#$&'*/=?^`{|}~".Contains(c, StringComparison.Ordinal);

    private static bool IsDomainChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';

    /// <summary>A display name as written, with backslash escapes and RFC 2047 words decoded where possible.</summary>
    private static string Unescape(string name)
    {
        var text = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\' && i + 1 < name.Length)
                i++;
            text.Append(name[i]);
        }

        string plain = text.ToString();
        return plain.Contains("=?", StringComparison.Ordinal) ? MimeKit.Utils.Rfc2047.DecodeText(Encoding.UTF8.GetBytes(plain)) : plain;
    }

    /// <summary>Comma- or semicolon-separated parts; a stray (unbalanced) quote is then ignored rather than swallowing the rest.</summary>
    private static List<string> SplitOutsideQuotesAndBrackets(string raw)
    {
        List<string> parts = Split(raw, honourQuotes: true, out bool balanced);
        return balanced ? parts : Split(raw, honourQuotes: false, out _);
    }

    private static List<string> Split(string raw, bool honourQuotes, out bool balanced)
    {
        var parts = new List<string>();
        int start = 0;
        bool quoted = false;
        int angle = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            char c = raw[i];
            if (c == '\\')
                i++;
            else if (c == '"' && honourQuotes)
                quoted = !quoted;
            else if (!quoted && c == '<')
                angle++;
            else if (!quoted && c == '>' && angle > 0)
                angle--;
            else if (!quoted && angle == 0 && c is ',' or ';')
            {
                parts.Add(raw[start..Math.Min(i, raw.Length)]);
                start = i + 1;
            }
        }

        parts.Add(start < raw.Length ? raw[start..] : string.Empty);
        balanced = !quoted;
        return parts;
    }
}

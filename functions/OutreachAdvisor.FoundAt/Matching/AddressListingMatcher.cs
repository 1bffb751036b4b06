using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace OutreachAdvisor.FoundAt.Matching;

/// <summary>The outcome of looking for one address on one page.</summary>
/// <param name="MatchedForm">The page's own text for the match (markup included), shortened for display.</param>
public sealed record ListingMatch(bool IsListed, string? MatchedForm)
{
    public static readonly ListingMatch NotListed = new(false, null);
}

/// <summary>
/// Finds an e-mail address in page text or HTML, however the page wrote it: plain, in a
/// <c>mailto:</c> link, entity- or percent-encoded, split by inline tags, or spelled out as
/// "jane [at] shape [dot] example" (English or Italian). Never matches a different address.
/// </summary>
/// <remarks>
/// The page is first normalised into two views (tags removed, for what a reader sees; tags kept,
/// for <c>href="mailto:..."</c>), then searched with a pattern built from the address alone. The
/// pattern runs on the non-backtracking engine, so a 1 MB page costs linear time whatever it holds.
/// </remarks>
public static class AddressListingMatcher
{
    private const int MaxShownLength = 120;
    private const int BoundaryWindow = 24;

    // View text has whitespace collapsed to single spaces, so " ?" covers "extra spaces".
    private const string AtSeparator =
        @"(?: ?[@＠] ?| ?[\[({<] ?(?:at|chiocciola) ?[\])}>] ?| (?:at|chiocciola) )";
    private const string DotSeparator =
        @"(?:\.| \. | ?[\[({<] ?(?:dot|punto) ?[\])}>] ?| (?:dot|punto) )";

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Characters the regex's case-insensitive matching equates with ASCII letters (Kelvin sign, long s,
    // Turkish dotted/dotless i): a page holding any of them is always searched with the pattern.
    private static readonly SearchValues<char> CaseFoldTraps = SearchValues.Create("\u212A\u017F\u0130\u0131");

    // Run only on a few characters next to a candidate, so backtracking cannot cost much.
    private static readonly Regex ContinuesAfter = new(
        $@"\A(?:[a-z0-9_-]|{DotSeparator}[a-z0-9])", Options, TimeSpan.FromSeconds(1));
    private static readonly Regex ContinuesBefore = new(
        $@"(?:[a-z0-9.!#$%*+^_`{{|}}~-]|[a-z0-9]{DotSeparator})\z", Options, TimeSpan.FromSeconds(1));

    /// <summary>Whether <paramref name="address"/> is a plain local@domain address this matcher can look for.</summary>
    public static bool IsSearchableAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return false;
        }

        int at = address.IndexOf('@', StringComparison.Ordinal);
        string local = at > 0 ? address[..at] : string.Empty;
        string domain = at > 0 ? address[(at + 1)..] : string.Empty;
        return local.Length is > 0 and <= 64
            && domain.Length is > 0 and <= 255
            && !domain.Contains('@', StringComparison.Ordinal)
            && !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '(' or ')' or ',' or ';')
            && !local.StartsWith('.') && !local.EndsWith('.')
            && domain.Split('.').All(label => label.Length > 0);
    }

    /// <summary>Looks for <paramref name="address"/> on <paramref name="page"/> (HTML or plain text).</summary>
    /// <exception cref="ArgumentException">The address is not searchable (see <see cref="IsSearchableAddress"/>).</exception>
    public static ListingMatch Find(string address, string page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Find(address, new PreparedPage(page));
    }

    /// <summary>Looks for <paramref name="address"/> on a page normalised once for several addresses.</summary>
    /// <exception cref="ArgumentException">The address is not searchable (see <see cref="IsSearchableAddress"/>).</exception>
    public static ListingMatch Find(string address, PreparedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!IsSearchableAddress(address))
        {
            throw new ArgumentException("Not a local@domain e-mail address.", nameof(address));
        }

        address = address.Trim();
        Regex? pattern = null;

        // What a reader sees first (nicer to quote), then the markup for mailto: links in attributes.
        foreach (bool stripTags in new[] { true, false })
        {
            PageTextView view = page.View(stripTags);
            if (!MayHoldEveryLabel(view.Text, address))
            {
                continue;
            }

            pattern ??= new Regex(BuildPattern(address), Options | RegexOptions.NonBacktracking);
            Match? match = FindWholeAddress(pattern, view.Text);
            if (match is not null)
            {
                string form = view.SourceOf(page.Source, match.Index, match.Index + match.Length);
                return new ListingMatch(true, Shorten(form));
            }
        }

        return ListingMatch.NotListed;
    }

    /// <summary>
    /// False when some part of the address ("jane", "shape", "example") is nowhere in the text, so the
    /// pattern, which needs every part literally, cannot match. A vectorised search, much cheaper than
    /// the pattern on a large page; it only skips work and never changes a verdict.
    /// </summary>
    private static bool MayHoldEveryLabel(string text, string address)
    {
        if (text.AsSpan().IndexOfAny(CaseFoldTraps) >= 0)
        {
            return true;
        }

        foreach (string label in address.Split('.', '@'))
        {
            if (Ascii.IsValid(label) && !text.Contains(label, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"jane.doe@shape.example" -> jane DOT doe AT shape DOT example, every literal escaped.</summary>
    private static string BuildPattern(string address)
    {
        int at = address.IndexOf('@', StringComparison.Ordinal);
        IEnumerable<string> local = address[..at].Split('.').Select(Regex.Escape);
        IEnumerable<string> domain = address[(at + 1)..].Split('.').Select(Regex.Escape);
        return string.Join(DotSeparator, local) + AtSeparator + string.Join(DotSeparator, domain);
    }

    /// <summary>The first match that is not part of a longer address (xjane@..., ...example.org).</summary>
    private static Match? FindWholeAddress(Regex pattern, string text)
    {
        Match match = pattern.Match(text);
        while (match.Success)
        {
            int end = match.Index + match.Length;
            string before = text[Math.Max(0, match.Index - BoundaryWindow)..match.Index];
            string after = text[end..Math.Min(text.Length, end + BoundaryWindow)];
            if (!ContinuesBefore.IsMatch(before) && !ContinuesAfter.IsMatch(after))
            {
                return match;
            }

            match = pattern.Match(text, match.Index + 1);
        }

        return null;
    }

    private static string Shorten(string form)
    {
        var oneLine = new StringBuilder(Math.Min(form.Length, MaxShownLength + 1));
        foreach (char c in form)
        {
            if (oneLine.Length > MaxShownLength)
            {
                break;
            }

            char shown = char.IsWhiteSpace(c) || char.IsControl(c) ? ' ' : c;
            if (shown != ' ' || oneLine.Length == 0 || oneLine[^1] != ' ')
            {
                oneLine.Append(shown);
            }
        }

        string text = oneLine.ToString().Trim();
        return text.Length > MaxShownLength ? string.Concat(text.AsSpan(0, MaxShownLength), "…") : text;
    }
}

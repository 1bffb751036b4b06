using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>Unfilled mail-merge fields and blank placeholders, in any language.</summary>
public static partial class MergeFields
{
    // {{first_name}}, {name}, [First Name], [NAME], %FIRSTNAME%, <<Name>>, *|FNAME|*, ${name}
    [GeneratedRegex(
        @"\{\{\s*[^{}\r\n]{1,40}?\s*\}\}" +
        @"|\{\s*(?i:first[ _]?name|last[ _]?name|full[ _]?name|name|company|organi[sz]ation|title|city|position|nome|cognome|azienda|società|citta|città)\s*\}" +
        @"|\[\s*(?i:first[ _]?name|last[ _]?name|full[ _]?name|name|recipient(?:'s)? name|company(?: name)?|your name|insert [^\]\r\n]{1,30}|nome|cognome|nome e cognome|azienda|destinatario|inserire [^\]\r\n]{1,30}|inserisci [^\]\r\n]{1,30})\s*\]" +
        @"|%[A-Z][A-Z0-9_]{1,30}%" +
        @"|<<\s*[\w ]{1,30}\s*>>" +
        @"|\*\|[A-Z0-9_]{1,30}\|\*" +
        @"|\$\{\s*\w{1,30}\s*\}",
        RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    // "_ __", "___", "…" standing where a name belongs
    [GeneratedRegex(@"^(?:[_\-*.…]+\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex BlankPattern();

    /// <summary>True for a greeting's name part that is a blank or an unfilled field.</summary>
    public static bool LooksLikePlaceholder(string namePart) =>
        BlankPattern().IsMatch(namePart) || Pattern().IsMatch(namePart) || namePart.Contains('_', StringComparison.Ordinal);
}

/// <summary>Web links in plain text.</summary>
public static partial class Links
{
    [GeneratedRegex(@"(?:https?://|www\.)[^\s<>""')\]]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();
}

/// <summary>Finds where quoted history (a reply's earlier messages) begins, so only the new text is judged.</summary>
public static partial class QuotedHistory
{
    [GeneratedRegex(
        @"^(?:>.*" +
        @"|On .{3,200}wrote:\s*" +
        @"|Il giorno .{3,200}ha scritto:\s*" +
        @"|-{2,}\s*(?:Original Message|Forwarded message|Messaggio originale|Messaggio inoltrato)\s*-*\s*" +
        @"|(?:From|Da):[^\r\n]+\r?\n(?:Sent|Inviato|Date|Data):.*" +
        @"|_{10,}\s*)$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Start();

    /// <summary>The length of the text before any quoted history (the whole text when there is none).</summary>
    public static int NewTextLength(string text)
    {
        Match first = Start().Match(text);
        return first.Success && first.Index > 0 ? first.Index : text.Length;
    }
}

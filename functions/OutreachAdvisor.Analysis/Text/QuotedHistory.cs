using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

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

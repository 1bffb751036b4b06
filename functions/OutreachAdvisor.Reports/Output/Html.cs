using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace OutreachAdvisor.Reports.Output;

/// <summary>HTML encoding for everything that comes from mail (subjects, addresses): markup characters are always escaped.</summary>
internal static class Html
{
    // All of Unicode may stay literal (accents read better in the page source); <, >, &, quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);
}

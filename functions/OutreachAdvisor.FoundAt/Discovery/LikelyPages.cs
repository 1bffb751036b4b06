using System.Text;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// Which of a site's pages are likely to list people's addresses, and in what order to read them:
/// contact pages first, then team/people/staff/newsroom, about, press and imprint pages, in English,
/// Italian and a few neighbouring languages. A page is judged by the words of its path and its link text.
/// </summary>
internal static class LikelyPages
{
    // Word sequences (lower case, separated by single spaces) and how promising a page they name is.
    private static readonly (string Words, int Score)[] Keywords =
    [
        ("contact", 100), ("contacts", 100), ("contact us", 100), ("contattaci", 100), ("contatti", 100), ("contatto", 100),
        ("kontakt", 100), ("get in touch", 100), ("scrivici", 95),
        ("team", 90), ("our team", 90), ("people", 90), ("staff", 90), ("persone", 90), ("redazione", 90), ("la redazione", 90),
        ("chi siamo", 85), ("chisiamo", 85), ("il team", 85), ("lo staff", 85), ("squadra", 80), ("organigramma", 80),
        ("about", 70), ("about us", 70), ("who we are", 70), ("chi sono", 70),
        ("press", 60), ("press office", 60), ("media", 55), ("newsroom", 60), ("ufficio stampa", 60), ("stampa", 55),
        ("imprint", 50), ("impressum", 50), ("legal notice", 45), ("note legali", 45), ("colophon", 45),
    ];

    private static readonly string[] NotPages =
    [
        ".pdf", ".jpg", ".jpeg", ".png", ".gif", ".svg", ".webp", ".zip", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx",
        ".mp3", ".mp4", ".css", ".js", ".ico", ".xml", ".rss", ".json",
    ];

    /// <summary>How likely a link leads to a page listing addresses; 0 when it is no candidate.</summary>
    public static int Score(PageLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        string path = Uri.UnescapeDataString(link.Url.AbsolutePath).ToLowerInvariant();
        if (NotPages.Any(extension => path.EndsWith(extension, StringComparison.Ordinal)))
            return 0;
        string words = " " + Words(path) + " " + Words(link.Text.ToLowerInvariant()) + " ";
        int best = 0;
        foreach ((string keyword, int score) in Keywords)
        {
            if (score > best && words.Contains(" " + keyword + " ", StringComparison.Ordinal))
                best = score;
        }

        return best;
    }

    /// <summary>Candidates best first; among equals the shorter path, then the order found.</summary>
    public static IEnumerable<PageLink> Rank(IEnumerable<PageLink> links) =>
        links.Select((link, order) => (link, order, score: Score(link)))
            .Where(c => c.score > 0)
            .OrderByDescending(c => c.score).ThenBy(c => c.link.Url.AbsolutePath.Length).ThenBy(c => c.order)
            .Select(c => c.link);

    /// <summary>Letters and digits as words: "/chi-siamo/la_redazione.html" -> "chi siamo la redazione html".</summary>
    private static string Words(string text)
    {
        var words = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter)
                words.Append(c);
            else if (words.Length > 0 && words[^1] != ' ')
                words.Append(' ');
        }

        return words.ToString().Trim();
    }
}

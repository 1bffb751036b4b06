using System.Net;
using System.Text;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// Reads the links of a page (<c>&lt;a href&gt;</c> and the text inside) and the URLs of a sitemap
/// (<c>&lt;loc&gt;</c>), by a linear scan with no regular expressions and a cap on how many it keeps.
/// The page's own size is already capped by the fetcher.
/// </summary>
internal static class LinkReader
{
    public const int MaxLinks = 2000;
    private const int MaxLinkTextLength = 200;

    public static List<PageLink> Links(string html, Uri page)
    {
        var links = new List<PageLink>();
        int i = 0;
        while (links.Count < MaxLinks && (i = html.IndexOf("<a", i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int tagEnd = html.IndexOf('>', i);
            if (tagEnd < 0)
                break;
            bool isAnchor = i + 2 < html.Length && (char.IsWhiteSpace(html[i + 2]) || html[i + 2] == '>');
            string? href = isAnchor ? Attribute(html.AsSpan(i + 2, tagEnd - i - 2), "href") : null;
            int close = html.IndexOf("</a", tagEnd, StringComparison.OrdinalIgnoreCase);
            int textEnd = close < 0 ? Math.Min(html.Length, tagEnd + 1 + MaxLinkTextLength) : close;
            if (href is not null && Resolve(page, WebUtility.HtmlDecode(href)) is { } url)
                links.Add(new PageLink(url, VisibleText(html.AsSpan(tagEnd + 1, Math.Max(0, textEnd - tagEnd - 1)))));
            i = tagEnd + 1;
        }

        return links;
    }

    /// <summary>The &lt;loc&gt; URLs of a sitemap or sitemap index, in order.</summary>
    public static List<Uri> SitemapLocations(string xml, Uri sitemap)
    {
        var locations = new List<Uri>();
        int i = 0;
        while (locations.Count < MaxLinks && (i = xml.IndexOf("<loc>", i, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int start = i + 5;
            int end = xml.IndexOf("</loc>", start, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
                break;
            string value = xml[start..end].Trim();
            if (value.StartsWith("<![CDATA[", StringComparison.Ordinal) && value.EndsWith("]]>", StringComparison.Ordinal))
                value = value[9..^3];
            if (Resolve(sitemap, WebUtility.HtmlDecode(value)) is { } url)
                locations.Add(url);
            i = end + 6;
        }

        return locations;
    }

    public static bool IsSitemapIndex(string xml) => xml.Contains("<sitemapindex", StringComparison.OrdinalIgnoreCase);

    /// <summary>An http(s) URL without its fragment, or null (mailto:, javascript:, unparseable).</summary>
    private static Uri? Resolve(Uri baseUrl, string href)
    {
        if (!Uri.TryCreate(baseUrl, href.Trim(), out Uri? url) || url.Scheme is not ("http" or "https"))
            return null;
        return url.Fragment.Length == 0 ? url : new Uri(url.GetLeftPart(UriPartial.Query));
    }

    /// <summary>The value of one attribute in a tag's inside (quoted or not), or null.</summary>
    private static string? Attribute(ReadOnlySpan<char> tag, string name)
    {
        int i = 0;
        while (i < tag.Length)
        {
            int found = tag[i..].IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
                return null;
            int at = i + found;
            int after = at + name.Length;
            i = after;
            if (at > 0 && !char.IsWhiteSpace(tag[at - 1]))
                continue; // part of another attribute's name (data-href)
            while (after < tag.Length && char.IsWhiteSpace(tag[after]))
                after++;
            if (after >= tag.Length || tag[after] != '=')
                continue;
            after++;
            while (after < tag.Length && char.IsWhiteSpace(tag[after]))
                after++;
            if (after >= tag.Length)
                return null;
            char quote = tag[after];
            if (quote is '"' or '\'')
            {
                int end = tag[(after + 1)..].IndexOf(quote);
                return end < 0 ? null : tag.Slice(after + 1, end).ToString();
            }

            int stop = after;
            while (stop < tag.Length && !char.IsWhiteSpace(tag[stop]))
                stop++;
            return tag[after..stop].ToString();
        }

        return null;
    }

    /// <summary>The words inside a link: tags dropped, entities decoded, whitespace collapsed, at most 200 characters.</summary>
    private static string VisibleText(ReadOnlySpan<char> inner)
    {
        var text = new StringBuilder();
        bool inTag = false;
        foreach (char c in inner)
        {
            if (text.Length >= MaxLinkTextLength)
                break;
            if (c == '<')
                inTag = true;
            else if (c == '>')
                inTag = false;
            else if (!inTag)
                text.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        return string.Join(' ', WebUtility.HtmlDecode(text.ToString()).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}

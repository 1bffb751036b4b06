using System.Net;
using System.Text;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Turns an HTML body into the plain text that evidence offsets point into. The conversion is
/// deterministic (same HTML, same text, same offsets): block elements become line breaks, runs of
/// white space collapse as a browser would, entities are decoded, links keep their URL after the
/// link text, and blockquotes are prefixed with "&gt; " so quoted history is recognised as such.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "hr", "section", "article", "header", "footer", "pre",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "head", "title", "template", "noscript" };

    public static string ToPlainText(string html)
    {
        var output = new StringBuilder(html.Length / 2);
        var writer = new Writer(output);
        int quoteDepth = 0;
        string? pendingHref = null;
        int i = 0;
        while (i < html.Length)
        {
            char c = html[i];
            if (c != '<')
            {
                int next = html.IndexOf('<', i);
                if (next < 0)
                    next = html.Length;
                writer.Text(WebUtility.HtmlDecode(html[i..next]), quoteDepth);
                i = next;
                continue;
            }

            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                int end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            int close = html.IndexOf('>', i);
            if (close < 0)
            {
                writer.Text(html[i..], quoteDepth);
                break;
            }

            ReadOnlySpan<char> tag = html.AsSpan(i + 1, close - i - 1);
            bool isEnd = tag.Length > 0 && tag[0] == '/';
            string name = TagName(isEnd ? tag[1..] : tag);
            i = close + 1;

            if (!isEnd && SkippedElements.Contains(name))
            {
                int end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                int endClose = end < 0 ? -1 : html.IndexOf('>', end);
                i = endClose < 0 ? html.Length : endClose + 1;
                continue;
            }

            if (name.Equals("blockquote", StringComparison.OrdinalIgnoreCase))
            {
                writer.LineBreak();
                quoteDepth = Math.Max(0, quoteDepth + (isEnd ? -1 : 1));
                continue;
            }

            if (name.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                if (!isEnd)
                {
                    pendingHref = Attribute(tag, "href");
                    writer.MarkLinkStart();
                }
                else if (pendingHref is not null)
                {
                    writer.LinkEnd(WebUtility.HtmlDecode(pendingHref), quoteDepth);
                    pendingHref = null;
                }
                continue;
            }

            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                writer.HardBreak(quoteDepth);
            else if (BlockElements.Contains(name))
                writer.LineBreak();
            else if (name is "td" or "th" && !isEnd)
                writer.Space();
            else if (name.Equals("img", StringComparison.OrdinalIgnoreCase) && Attribute(tag, "alt") is { Length: > 0 } alt)
                writer.Text(WebUtility.HtmlDecode(alt), quoteDepth);
        }

        return writer.Finish();
    }

    private static string TagName(ReadOnlySpan<char> tag)
    {
        int end = 0;
        while (end < tag.Length && (char.IsLetterOrDigit(tag[end]) || tag[end] is ':' or '-'))
            end++;
        return tag[..end].ToString();
    }

    private static string? Attribute(ReadOnlySpan<char> tag, string attribute)
    {
        string text = tag.ToString();
        int at = text.IndexOf(attribute + "=", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        int start = at + attribute.Length + 1;
        if (start >= text.Length)
            return null;
        char quote = text[start];
        if (quote is '"' or '\'')
        {
            int end = text.IndexOf(quote, start + 1);
            return end < 0 ? text[(start + 1)..] : text[(start + 1)..end];
        }
        int stop = start;
        while (stop < text.Length && !char.IsWhiteSpace(text[stop]) && text[stop] != '>')
            stop++;
        return text[start..stop];
    }

    /// <summary>Collapses white space and places line breaks the way a reader sees them.</summary>
    private sealed class Writer(StringBuilder output)
    {
        private bool _pendingSpace;
        private int _pendingBreaks;
        private int _linkTextStart = -1;
        private bool _atLineStart = true;

        public void Text(string text, int quoteDepth)
        {
            foreach (char raw in text)
            {
                char c = raw == '\u00A0' ? ' ' : raw;
                if (char.IsWhiteSpace(c))
                {
                    _pendingSpace = true;
                    continue;
                }
                Flush(quoteDepth);
                output.Append(c);
                _atLineStart = false;
            }
        }

        public void Space() => _pendingSpace = true;

        public void LineBreak()
        {
            if (output.Length > 0)
                _pendingBreaks = Math.Max(_pendingBreaks, 1);
            _pendingSpace = false;
        }

        public void HardBreak(int quoteDepth)
        {
            if (_pendingBreaks > 0)
                Flush(quoteDepth);
            _pendingBreaks = 1;
            _pendingSpace = false;
        }

        public void MarkLinkStart() => _linkTextStart = output.Length;

        public void LinkEnd(string href, int quoteDepth)
        {
            bool isWeb = href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            string linkText = _linkTextStart >= 0 && _linkTextStart <= output.Length ? output.ToString(_linkTextStart, output.Length - _linkTextStart) : string.Empty;
            _linkTextStart = -1;
            if (!isWeb || linkText.Contains(href, StringComparison.OrdinalIgnoreCase))
                return;
            Text(" <" + href + ">", quoteDepth);
        }

        private void Flush(int quoteDepth)
        {
            if (_pendingBreaks > 0)
            {
                for (int b = 0; b < _pendingBreaks; b++)
                    output.Append('\n');
                _atLineStart = true;
                _pendingBreaks = 0;
                _pendingSpace = false;
            }
            if (_atLineStart && quoteDepth > 0)
            {
                output.Append('>', quoteDepth).Append(' ');
                _atLineStart = false;
            }
            else if (_pendingSpace && output.Length > 0 && !_atLineStart)
            {
                output.Append(' ');
            }
            _pendingSpace = false;
        }

        public string Finish() => output.ToString();
    }
}

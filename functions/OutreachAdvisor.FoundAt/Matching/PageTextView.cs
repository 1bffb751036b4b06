using System.Globalization;
using System.Net;
using System.Text;

namespace OutreachAdvisor.FoundAt.Matching;

/// <summary>
/// A searchable view of a page: entities and %XX escapes decoded, whitespace runs collapsed to one
/// space, invisible characters dropped and (optionally) tags removed. Every view character remembers
/// the span of source text it came from, so a match can be reported as the page wrote it.
/// Built in one linear pass; no regular expressions.
/// </summary>
internal sealed class PageTextView
{
    // Inline tags vanish without a trace, so "jane<span>@</span>shape.example" reads as one word;
    // any other tag (p, td, br, div...) separates words like the browser would.
    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
    };

    // HTML5 names that obfuscators use and WebUtility.HtmlDecode (HTML 4 only) does not know.
    private static readonly Dictionary<string, string> Html5Entities = new(StringComparer.Ordinal)
    {
        ["commat"] = "@",
        ["period"] = ".",
        ["lsqb"] = "[",
        ["lbrack"] = "[",
        ["rsqb"] = "]",
        ["rbrack"] = "]",
        ["lpar"] = "(",
        ["rpar"] = ")",
        ["lcub"] = "{",
        ["lbrace"] = "{",
        ["rcub"] = "}",
        ["rbrace"] = "}",
        ["lowbar"] = "_",
        ["hyphen"] = "-",
        ["dash"] = "-",
        ["plus"] = "+",
        ["colon"] = ":",
        ["quest"] = "?",
        ["equals"] = "=",
        ["num"] = "#",
        ["excl"] = "!",
        ["percnt"] = "%",
        ["apos"] = "'",
        ["Tab"] = "\t",
        ["NewLine"] = "\n",
        ["fullstop"] = ".",
    };

    private readonly StringBuilder _text;
    private readonly List<int> _sourceStarts;
    private readonly List<int> _sourceEnds;
    private bool _endsWithSpace;

    private PageTextView(int capacity)
    {
        _text = new StringBuilder(capacity);
        _sourceStarts = new List<int>(capacity);
        _sourceEnds = new List<int>(capacity);
        Text = string.Empty;
    }

    public string Text { get; private set; }

    /// <summary>The source text behind view characters [start, end).</summary>
    public string SourceOf(string source, int start, int end)
    {
        int from = _sourceStarts[start];
        int to = _sourceEnds[end - 1];
        return source[from..to];
    }

    public static PageTextView Build(string source, bool stripTags)
    {
        var view = new PageTextView(source.Length);
        int lastTagEnd = source.LastIndexOf('>');
        bool commentsClosed = true;
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (stripTags && c == '<' && i < lastTagEnd)
            {
                int next = view.TrySkipMarkup(source, i, lastTagEnd, ref commentsClosed);
                if (next > i)
                {
                    i = next;
                    continue;
                }
            }

            int consumed = c switch
            {
                '&' => view.TryAppendEntity(source, i),
                '%' => view.TryAppendPercentEscape(source, i),
                _ => 0,
            };
            if (consumed == 0)
            {
                view.Append(c, i, i + 1);
                consumed = 1;
            }

            i += consumed;
        }

        view.Text = view._text.ToString();
        return view;
    }

    /// <summary>Skips a tag or comment starting at <paramref name="start"/>; returns where text resumes, or start if it is no markup.</summary>
    private int TrySkipMarkup(string source, int start, int lastTagEnd, ref bool commentsClosed)
    {
        if (string.CompareOrdinal(source, start, "<!--", 0, 4) == 0)
        {
            // Once one comment is unterminated, all later ones are too: avoids a quadratic rescan.
            int close = commentsClosed ? source.IndexOf("-->", start + 4, StringComparison.Ordinal) : -1;
            if (close < 0)
            {
                commentsClosed = false;
                return start;
            }

            return close + 3; // comments are used as invisible separators inside addresses
        }

        int nameStart = start + 1;
        if (nameStart < source.Length && (source[nameStart] == '/' || source[nameStart] == '!' || source[nameStart] == '?'))
        {
            nameStart++;
        }

        if (nameStart >= source.Length || !char.IsAsciiLetter(source[nameStart]) && source[nameStart - 1] != '!' && source[nameStart - 1] != '?')
        {
            return start; // "a < b" is text
        }

        int end = source.IndexOf('>', start, lastTagEnd - start + 1);
        int nameEnd = nameStart;
        while (nameEnd < end && char.IsAsciiLetterOrDigit(source[nameEnd]))
        {
            nameEnd++;
        }

        if (!InlineTags.Contains(source[nameStart..nameEnd]))
        {
            Append(' ', start, end + 1);
        }

        return end + 1;
    }

    private int TryAppendEntity(string source, int start)
    {
        int semicolon = source.IndexOf(';', start + 1, Math.Min(34, source.Length - start - 1));
        if (start + 2 < source.Length && source[start + 1] == '#')
        {
            return TryAppendNumericEntity(source, start);
        }

        if (semicolon < 0)
        {
            return 0;
        }

        string name = source[(start + 1)..semicolon];
        if (!Html5Entities.TryGetValue(name, out string? decoded))
        {
            string entity = source[start..(semicolon + 1)];
            decoded = WebUtility.HtmlDecode(entity);
            if (decoded.Length == 0 || decoded == entity)
            {
                return 0;
            }
        }

        AppendAll(decoded, start, semicolon + 1);
        return semicolon + 1 - start;
    }

    /// <summary>&amp;#64; or &amp;#x40; (the semicolon is optional in HTML, as browsers accept).</summary>
    private int TryAppendNumericEntity(string source, int start)
    {
        bool hex = source[start + 2] is 'x' or 'X';
        int digitsStart = start + (hex ? 3 : 2);
        int digitsEnd = digitsStart;
        while (digitsEnd < source.Length && digitsEnd - digitsStart < 8 &&
               (hex ? char.IsAsciiHexDigit(source[digitsEnd]) : char.IsAsciiDigit(source[digitsEnd])))
        {
            digitsEnd++;
        }

        if (digitsEnd == digitsStart)
        {
            return 0;
        }

        int number = int.Parse(source.AsSpan(digitsStart, digitsEnd - digitsStart),
            hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture);
        int end = digitsEnd < source.Length && source[digitsEnd] == ';' ? digitsEnd + 1 : digitsEnd;
        bool isScalar = number is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);
        AppendAll(isScalar ? char.ConvertFromUtf32(number) : "\uFFFD", start, end);
        return end - start;
    }

    /// <summary>%40 and friends, as in "mailto:jane%40shape.example"; only printable ASCII is decoded.</summary>
    private int TryAppendPercentEscape(string source, int start)
    {
        if (start + 2 >= source.Length || !char.IsAsciiHexDigit(source[start + 1]) || !char.IsAsciiHexDigit(source[start + 2]))
        {
            return 0;
        }

        byte value = Convert.ToByte(source.Substring(start + 1, 2), 16);
        if (value is < 0x20 or >= 0x7F)
        {
            return 0;
        }

        Append((char)value, start, start + 3);
        return 3;
    }

    private void AppendAll(string decoded, int sourceStart, int sourceEnd)
    {
        foreach (char c in decoded)
        {
            Append(c, sourceStart, sourceEnd);
        }
    }

    private void Append(char c, int sourceStart, int sourceEnd)
    {
        if (IsInvisible(c))
        {
            return;
        }

        if (char.IsWhiteSpace(c))
        {
            if (_endsWithSpace)
            {
                _sourceEnds[^1] = sourceEnd; // one space stands for the whole run
                return;
            }

            c = ' ';
        }

        _endsWithSpace = c == ' ';
        _text.Append(c);
        _sourceStarts.Add(sourceStart);
        _sourceEnds.Add(sourceEnd);
    }

    // Zero-width characters and soft hyphens are a cheap way to break naive address scrapers.
    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}

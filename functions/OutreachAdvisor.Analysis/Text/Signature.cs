using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Where the sign-off ("Kind regards," / "Cordiali saluti,") starts the signature: the lines after it are the
/// sender's name, title, department and phone, which ask, offer and refer to nothing ("Manufacturing &amp;
/// Engineering Management" is a department, not a request). A postscript ("P.S. could you...") is the message again.
/// </summary>
public static class Signature
{
    /// <summary>A signature is short: a sign-off followed by more lines than this is a line of the message.</summary>
    public const int MaxLines = 10;

    /// <summary>A signature line is short (name, title, organisation, phone) and asks nothing.</summary>
    public const int MaxWordsPerLine = 12;

    private static readonly Regex Postscript = new(@"^\s*p\.?\s?p?\.?\s?s\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// The part of <paramref name="text"/> that is signature, as [start, end) where end is the start of a
    /// postscript (or the text's end); (length, length) when there is none.
    /// </summary>
    public static (int Start, int End) Find(ReadOnlySpan<char> text, Regex signOff)
    {
        // The last sign-off followed only by signature-like lines: "Thanks!" in the middle of a message is not one.
        (int Start, int End) found = (text.Length, text.Length);
        int lineStart = 0;
        bool contentBefore = false;
        while (lineStart < text.Length)
        {
            int newline = text[lineStart..].IndexOf('\n');
            int lineEnd = newline < 0 ? text.Length : lineStart + newline;
            ReadOnlySpan<char> line = text[lineStart..lineEnd].Trim();
            if (line.Length > 0)
            {
                if (contentBefore && signOff.IsMatch(line) && LinesAfter(text[lineEnd..]) is var (count, postscript) && count <= MaxLines)
                    found = (lineStart, postscript < 0 ? text.Length : lineEnd + postscript);
                contentBefore = true;
            }
            lineStart = lineEnd + 1;
        }
        return found;
    }

    /// <summary>How many non-blank lines follow (more than <see cref="MaxLines"/> when one is not signature-like), and where the first postscript line starts (-1: none).</summary>
    private static (int Count, int Postscript) LinesAfter(ReadOnlySpan<char> rest)
    {
        int count = 0;
        int start = 0;
        while (start < rest.Length && count <= MaxLines)
        {
            int newline = rest[start..].IndexOf('\n');
            int end = newline < 0 ? rest.Length : start + newline;
            ReadOnlySpan<char> line = rest[start..end];
            if (!line.IsWhiteSpace())
            {
                if (Postscript.IsMatch(line))
                    return (count, start);
                ReadOnlySpan<char> trimmed = line.Trim();
                if (trimmed.EndsWith("?") || WordCount(trimmed) > MaxWordsPerLine)
                    return (MaxLines + 1, -1);
                count++;
            }
            start = end + 1;
        }
        return (count, -1);
    }

    private static int WordCount(ReadOnlySpan<char> line)
    {
        int words = 0;
        foreach (Range _ in line.SplitAny(" \t"))
            words++;
        return words;
    }
}

using System.Collections.Frozen;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Splits e-mail text into sentences: at . ! ? … followed by a space (not after an abbreviation such
/// as "Dr." or "Dott.ssa", nor after an initial), at blank lines, and at line breaks unless the next
/// line continues a hard-wrapped sentence (it starts in lower case after a long line). Greetings,
/// sign-offs and signature lines come out as sentences of their own. Spans are trimmed; a sentence
/// longer than <see cref="MaxLength"/> characters is cut at a space, so every sentence is bounded.
/// </summary>
public static class Sentences
{
    /// <summary>The longest sentence this returns; longer runs without an end are cut at a space.</summary>
    public const int MaxLength = 600;

    // A line at least this long that ends without punctuation is probably hard-wrapped when the next starts in lower case.
    private const int WrappedLineLength = 40;

    // The abbreviations of every checked language (each lexicon's "abbreviations"): the split runs before the language is known.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Abbreviations = Lexicon.Supported.Values
        .SelectMany(l => l.Abbreviations).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds the sentences of <paramref name="text"/> to <paramref name="into"/>, in order.</summary>
    public static void Split(ReadOnlySpan<char> text, List<TextSpan> into)
    {
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            int end = -1;   // exclusive end of the sentence ending here
            int next = i + 1;
            if (c == '\n')
            {
                if (!ContinuesOnNextLine(text, start, i))
                    end = i;
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                int j = i;
                while (j + 1 < text.Length && text[j + 1] is '.' or '!' or '?' or '…' or '"' or '\'' or '”' or '’' or '»' or ')')
                    j++;
                bool followedBySpace = j + 1 >= text.Length || char.IsWhiteSpace(text[j + 1]);
                if (followedBySpace && (c != '.' || j > i || !IsAbbreviation(text, start, i)))
                {
                    end = j + 1;
                    next = j + 1;
                }
            }

            if (end < 0 && i - start >= MaxLength && char.IsWhiteSpace(c))
                end = i;
            if (end >= 0)
            {
                Add(text, start, end, into);
                start = next;
                i = next;
                continue;
            }
            i++;
        }
        Add(text, start, text.Length, into);
    }

    public static List<TextSpan> Split(ReadOnlySpan<char> text)
    {
        var sentences = new List<TextSpan>();
        Split(text, sentences);
        return sentences;
    }

    private static void Add(ReadOnlySpan<char> text, int start, int end, List<TextSpan> into)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        for (int k = start; k < end; k++)
        {
            if (char.IsLetterOrDigit(text[k]))
            {
                into.Add(new TextSpan(start, end - start));
                return;
            }
        }
    }

    /// <summary>A single line break inside a hard-wrapped paragraph: a long line without an ending, then a lower-case word.</summary>
    private static bool ContinuesOnNextLine(ReadOnlySpan<char> text, int sentenceStart, int newline)
    {
        int lineStart = text[..newline].LastIndexOf('\n') + 1;
        lineStart = Math.Max(lineStart, sentenceStart);
        ReadOnlySpan<char> line = text[lineStart..newline].TrimEnd();
        if (line.Length < WrappedLineLength || line[^1] is ',' or ':' or ';' or '.' or '!' or '?')
            return false;
        int k = newline + 1;
        while (k < text.Length && text[k] is ' ' or '\t' or '\r')
            k++;
        return k < text.Length && char.IsLower(text[k]);
    }

    /// <summary>"Dr." "Dott.ssa" "e.g." and initials ("J. Smith") do not end a sentence.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> text, int sentenceStart, int dot)
    {
        int wordStart = dot;
        while (wordStart > sentenceStart && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
            wordStart--;
        ReadOnlySpan<char> word = text[wordStart..dot];
        if (word.Length == 0)
            return false;
        if (word.Length == 1 && char.IsUpper(word[0]))
            return true;
        Span<char> letters = stackalloc char[Math.Min(word.Length, 16)];
        int n = 0;
        foreach (char ch in word)
        {
            if (ch != '.' && n < letters.Length)
                letters[n++] = ch;
        }
        return Abbreviations.Contains(letters[..n]) || IsDottedShortForm(word);
    }

    /// <summary>"e.g", "U.S", "Ph.D", "Dott.ssa": dotted parts of at most four letters (a domain name is not one).</summary>
    private static bool IsDottedShortForm(ReadOnlySpan<char> word)
    {
        if (!word.Contains('.'))
            return false;
        foreach (Range part in word.Split('.'))
        {
            if (word[part].Length > 4)
                return false;
        }
        return true;
    }
}

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// The clauses of a sentence (split at ", " "; " ": " dashes and brackets), and evidence cut to whole
/// words: a quote never starts or ends inside a word, and never runs past <see cref="MaxEvidence"/>
/// characters.
/// </summary>
public static class Clauses
{
    /// <summary>The longest evidence quoted for a phrase or sentence.</summary>
    public const int MaxEvidence = 200;

    // A clause of one word ("Also," "Anyway,") is no clause of its own: it joins the next.
    private const int MinimumWords = 2;

    /// <summary>Adds the clauses of <paramref name="sentence"/> (a span of <paramref name="text"/>) to <paramref name="into"/>, trimmed.</summary>
    public static void Split(ReadOnlySpan<char> text, TextSpan sentence, List<TextSpan> into)
    {
        int first = into.Count;
        int start = sentence.Start;
        for (int i = sentence.Start; i < sentence.End; i++)
        {
            if (IsBoundary(text, i, sentence.End))
            {
                AddTrimmed(text, start, i + 1, into);
                start = i + 1;
            }
        }
        AddTrimmed(text, start, sentence.End, into);

        // Fold one-word clauses into their neighbour (the next one, or the previous at the end).
        for (int k = first; k < into.Count && into.Count - first > 1; k++)
        {
            if (WordCount(text.Slice(into[k].Start, into[k].Length)) >= MinimumWords)
                continue;
            if (k + 1 < into.Count)
            {
                into[k + 1] = Union(into[k], into[k + 1]);
                into.RemoveAt(k);
            }
            else
            {
                into[k - 1] = Union(into[k - 1], into[k]);
                into.RemoveAt(k);
            }
            k--;
        }
    }

    /// <summary>
    /// The evidence for a phrase found at <paramref name="hit"/>: the clause of <paramref name="sentence"/> that holds it
    /// (every clause it touches), or, when that is longer than <see cref="MaxEvidence"/>, whole words around the phrase.
    /// </summary>
    public static TextSpan AroundPhrase(ReadOnlySpan<char> text, TextSpan sentence, TextSpan hit, List<TextSpan> scratch)
    {
        scratch.Clear();
        Split(text, sentence, scratch);
        TextSpan? covering = null;
        foreach (TextSpan clause in scratch)
        {
            if (clause.Overlaps(hit))
                covering = covering is { } c ? Union(c, clause) : clause;
        }
        TextSpan span = covering is { } found ? Union(found, hit) : hit;
        if (span.Length <= MaxEvidence)
            return span;

        // Too long: keep the phrase, with whole words before and after it up to the limit.
        int room = Math.Max(0, MaxEvidence - hit.Length);
        int start = Math.Max(span.Start, hit.Start - (room / 3));
        int end = Math.Min(span.End, hit.End + (room - (hit.Start - start)));
        return WholeWords(text, new TextSpan(start, end - start), hit);
    }

    /// <summary>A sentence or clause as evidence: itself when short enough, else its first words up to the limit.</summary>
    public static TextSpan Bounded(ReadOnlySpan<char> text, TextSpan span) =>
        span.Length <= MaxEvidence ? span : WholeWords(text, new TextSpan(span.Start, MaxEvidence), new TextSpan(span.Start, 0));

    /// <summary>Shrinks <paramref name="span"/> so it neither starts nor ends inside a word, keeping <paramref name="keep"/>.</summary>
    public static TextSpan WholeWords(ReadOnlySpan<char> text, TextSpan span, TextSpan keep)
    {
        int start = span.Start, end = span.End;
        while (start < keep.Start && start > 0 && IsWordChar(text[start - 1]) && IsWordChar(text[start]))
            start++;
        while (start < keep.Start && !IsWordChar(text[start]))
            start++;
        while (end > keep.End && end < text.Length && IsWordChar(text[end - 1]) && IsWordChar(text[end]))
            end--;
        while (end > keep.End && end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return new TextSpan(start, end - start);
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int i, int end)
    {
        char c = text[i];
        bool spaceAfter = i + 1 >= end || char.IsWhiteSpace(text[i + 1]);
        return c switch
        {
            ',' or ';' or ':' => spaceAfter,
            '-' or '–' or '—' => spaceAfter && i > 0 && char.IsWhiteSpace(text[i - 1]),
            '(' or ')' => true,
            _ => false,
        };
    }

    private static void AddTrimmed(ReadOnlySpan<char> text, int start, int end, List<TextSpan> into)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';' or ':' or '-' or '–' or '—' or '(' or ')'))
            start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':' or '-' or '–' or '—' or '(' or ')'))
            end--;
        if (end > start)
            into.Add(new TextSpan(start, end - start));
    }

    private static TextSpan Union(TextSpan a, TextSpan b)
    {
        int start = Math.Min(a.Start, b.Start);
        return new TextSpan(start, Math.Max(a.End, b.End) - start);
    }

    private static int WordCount(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (ReadOnlySpan<char> _ in new WordEnumerator(text))
            count++;
        return count;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || WordEnumerator.IsApostrophe(c);
}

using System.Globalization;

namespace OutreachAdvisor.Language;

/// <summary>
/// Splits a text into documents the service accepts. The documented limit is 5,120 characters
/// "as measured by StringInfo.LengthInTextElements"; a text element is at least one UTF-16 code unit,
/// so cutting at 5,120 code units always stays within it.
/// </summary>
public static class TextChunker
{
    public const int MaxDocumentLength = 5_120;

    /// <summary>
    /// Cuts <paramref name="text"/> into consecutive chunks of at most <paramref name="maxLength"/> UTF-16 code units.
    /// Chunks cover the whole text in order (concatenated they give it back), so an offset inside a chunk maps
    /// to <c>chunk.Start + offset</c>. Cuts prefer, in this order: a line break, the end of a sentence, whitespace;
    /// a hard cut never splits a surrogate pair or separates a combining mark from its base.
    /// </summary>
    public static IReadOnlyList<TextChunk> Split(string text, int maxLength = MaxDocumentLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);

        var chunks = new List<TextChunk>();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.Length - start <= maxLength ? text.Length : FindCut(text, start, start + maxLength);
            chunks.Add(new TextChunk(start, text[start..end]));
            start = end;
        }

        return chunks;
    }

    /// <summary>A cut in (start, limit]: the chunk is text[start..cut].</summary>
    private static int FindCut(string text, int start, int limit)
    {
        // Look for a natural boundary only in the second half, so chunks do not get tiny.
        int floor = start + ((limit - start) / 2);

        int cut = LastBoundary(text, floor, limit, static (t, i) => t[i - 1] == '\n');
        if (cut < 0)
        {
            cut = LastBoundary(text, floor, limit, static (t, i) =>
                char.IsWhiteSpace(t[i - 1]) && t[i - 2] is '.' or '!' or '?' or '…' or ';');
        }

        if (cut < 0)
        {
            cut = LastBoundary(text, floor, limit, static (t, i) => char.IsWhiteSpace(t[i - 1]) && !char.IsWhiteSpace(t[i]));
        }

        if (cut < 0)
        {
            cut = LastBoundary(text, floor, limit, static (t, i) => char.IsWhiteSpace(t[i - 1]));
        }

        return cut >= 0 ? cut : HardCut(text, start, limit);
    }

    private static int LastBoundary(string text, int floor, int limit, Func<string, int, bool> isBoundary)
    {
        for (int i = limit; i > floor; i--)
        {
            if (isBoundary(text, i))
            {
                return i;
            }
        }

        return -1;
    }

    private static int HardCut(string text, int start, int limit)
    {
        int cut = limit;
        while (cut > start + 1 && !IsSafeCut(text, cut))
        {
            cut--;
        }

        return cut;
    }

    private static bool IsSafeCut(string text, int i)
    {
        if (char.IsHighSurrogate(text[i - 1]) && char.IsLowSurrogate(text[i]))
        {
            return false;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            && text[i] != '\u200D' && text[i - 1] != '\u200D';
    }
}

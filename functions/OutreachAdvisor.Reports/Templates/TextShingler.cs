namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// Turns a text into hashed word shingles (runs of <see cref="Size"/> consecutive words): two texts
/// that share most shingles say the same thing in the same words, which is what a template is.
/// </summary>
/// <remarks>
/// Words are letters and digits, lower-cased. Quoted lines ("> ...") are history, not the message,
/// and are skipped. Words that are part of a recipient's name or address become one placeholder, so
/// a mail merge that only changes the name ("Hi Jane" / "Hi Tom") still reads as one template.
/// A text shorter than one shingle gives a single shingle of all its words.
/// </remarks>
public static class TextShingler
{
    public const int Size = 5;

    private const ulong NamePlaceholder = 0x6E616D65_2D2D2D2DUL;

    public static IReadOnlyList<ulong> Shingles(string text, IEnumerable<string>? namesToMask = null, int size = Size)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        HashSet<ulong> masked = NameWords(namesToMask);
        var words = new List<ulong>();
        foreach (string line in text.Split('\n'))
        {
            if (line.TrimStart().StartsWith('>'))
                continue;
            AddWords(line, masked, words);
        }

        if (words.Count == 0)
            return [];

        int count = Math.Max(1, words.Count - size + 1);
        ulong[] shingles = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            ulong hash = 0xCBF29CE484222325UL;
            for (int j = i; j < Math.Min(i + size, words.Count); j++)
                hash = Mix(hash ^ words[j]);
            shingles[i] = hash;
        }

        return shingles;
    }

    private static HashSet<ulong> NameWords(IEnumerable<string>? names)
    {
        var set = new HashSet<ulong>();
        var scratch = new List<ulong>();
        foreach (string name in names ?? [])
        {
            scratch.Clear();
            AddWords(name, null, scratch, minLength: 2);
            set.UnionWith(scratch);
        }

        return set;
    }

    private static void AddWords(string text, HashSet<ulong>? masked, List<ulong> words, int minLength = 1)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                if (i - start >= minLength)
                {
                    ulong word = HashWord(text.AsSpan(start, i - start));
                    words.Add(masked is not null && masked.Contains(word) ? NamePlaceholder : word);
                }

                start = -1;
            }
        }
    }

    /// <summary>FNV-1a over the lower-cased characters, then mixed.</summary>
    private static ulong HashWord(ReadOnlySpan<char> word)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in word)
        {
            hash ^= char.ToLowerInvariant(c);
            hash *= 0x100000001B3UL;
        }

        return Mix(hash);
    }

    /// <summary>The splitmix64 finaliser: spreads every input bit over the whole word.</summary>
    internal static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}

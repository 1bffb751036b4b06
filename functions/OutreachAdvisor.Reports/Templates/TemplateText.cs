namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// The part of a message that says whether it is a template, as hashed words: what a mail merge keeps
/// and a person rewrites. Dropped: quoted history (lines starting with '&gt;' and everything after an
/// "On ... wrote:" / "Il ... ha scritto:" / "Original Message" line), the greeting line, everything from
/// the sign-off on ("Best,", "Cordiali saluti", "-- "), and the first sentence of what remains (the
/// personalised opening line of a merge) when at least <see cref="MinWordsAfterOpening"/> words stay.
/// Words of the recipients' names, address parts and domain labels become one placeholder, so "Hi Jane
/// at Shape" and "Hi Tom at Vogue" read the same. Words are letters and digits, lower-cased.
/// </summary>
public static class TemplateText
{
    /// <summary>The opening sentence is dropped only when at least this many words stay after it.</summary>
    public const int MinWordsAfterOpening = 12;

    /// <summary>At most this many words of a message are read: templates are recognised long before.</summary>
    public const int MaxWords = 2000;

    public const ulong NamePlaceholder = 0x6E616D65_2D2D2D2DUL;

    private static readonly HashSet<string> SignOffs = new(StringComparer.Ordinal)
    {
        "best", "best regards", "best wishes", "regards", "kind regards", "warm regards", "warmly", "all the best", "thanks", "thank you", "many thanks",
        "thanks again", "thanks in advance", "cheers", "sincerely", "yours", "yours sincerely", "yours truly", "talk soon", "take care",
        "grazie", "grazie mille", "grazie ancora", "cordiali saluti", "distinti saluti", "saluti", "un saluto", "un caro saluto", "a presto",
        "buona giornata", "buona serata", "con stima", "un abbraccio", "ciao",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SignOffLookup = SignOffs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] Greetings =
    [
        "hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening", "greetings",
        "ciao", "caro", "cara", "cari", "care", "gentile", "gentilissimo", "gentilissima", "buongiorno", "buonasera", "salve", "egregio", "egregia",
    ];

    /// <summary>The comparable words of <paramref name="plainText"/>, hashed (see the class remarks).</summary>
    public static List<ulong> Words(string plainText, IEnumerable<string>? namesToMask = null, bool dropOpening = true)
    {
        ArgumentNullException.ThrowIfNull(plainText);
        HashSet<ulong> masked = NameWords(namesToMask);
        List<Range> lines = BodyLines(plainText);

        // Words of the kept lines; a sentence ends at . ! ? before a space or the line's end, and at a blank line.
        var words = new List<ulong>(Math.Min(MaxWords, plainText.Length / 5 + 8));
        int firstSentenceEnd = -1;
        bool moreSentences = false;
        foreach (Range range in lines)
        {
            ReadOnlySpan<char> line = plainText.AsSpan(range);
            if (line.Length == 0)
            {
                EndSentence();
                continue;
            }

            int start = -1;
            for (int i = 0; i <= line.Length && words.Count < MaxWords; i++)
            {
                bool isWordChar = i < line.Length && char.IsLetterOrDigit(line[i]);
                if (isWordChar && start < 0)
                {
                    start = i;
                }
                else if (!isWordChar && start >= 0)
                {
                    ulong word = HashWord(line.Slice(start, i - start));
                    words.Add(masked.Contains(word) ? NamePlaceholder : word);
                    start = -1;
                }

                if (i < line.Length && line[i] is '.' or '!' or '?' && (i + 1 == line.Length || char.IsWhiteSpace(line[i + 1])))
                    EndSentence();
            }
        }

        EndSentence();
        if (dropOpening && moreSentences && words.Count - firstSentenceEnd >= MinWordsAfterOpening)
            words.RemoveRange(0, firstSentenceEnd);
        return words;

        // Only where the first sentence ends matters (it is the one that may be dropped).
        void EndSentence()
        {
            if (firstSentenceEnd < 0)
            {
                if (words.Count > 0)
                    firstSentenceEnd = words.Count;
            }
            else if (words.Count > firstSentenceEnd)
            {
                moreSentences = true;
            }
        }
    }

    /// <summary>The message's own lines (trimmed, as ranges of the text): without quoted history, the greeting line and the sign-off with what follows it.</summary>
    private static List<Range> BodyLines(string text)
    {
        var lines = new List<Range>();
        int at = 0;
        while (at <= text.Length)
        {
            int end = text.IndexOf('\n', at);
            if (end < 0)
                end = text.Length;
            Range range = Trimmed(text, at, end);
            ReadOnlySpan<char> line = text.AsSpan(range);
            at = end + 1;
            if (line.StartsWith('>'))
                continue;
            if (IsQuoteHeader(line) || line.SequenceEqual("--"))
                break;
            lines.Add(range);
        }

        int first = lines.FindIndex(l => l.End.Value > l.Start.Value);
        if (first >= 0 && IsGreeting(text.AsSpan(lines[first])))
            lines.RemoveAt(first);

        // The sign-off: the last short line that is a closing formula, in the second half of the text.
        for (int i = lines.Count - 1; i >= lines.Count / 2 && i >= 0; i--)
        {
            if (IsSignOff(text.AsSpan(lines[i])))
            {
                lines.RemoveRange(i, lines.Count - i);
                break;
            }
        }

        return lines;
    }

    private static Range Trimmed(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
            start++;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        return new Range(start, end);
    }

    private static bool IsQuoteHeader(ReadOnlySpan<char> line) =>
        (line.StartsWith("On ", StringComparison.Ordinal) && line.EndsWith("wrote:", StringComparison.Ordinal))
        || (line.StartsWith("Il ", StringComparison.Ordinal) && line.EndsWith("ha scritto:", StringComparison.Ordinal))
        || line.Contains("Original Message", StringComparison.OrdinalIgnoreCase)
        || line.Contains("Messaggio originale", StringComparison.OrdinalIgnoreCase);

    private static bool IsGreeting(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.Count(' ') >= 6 && CountWords(line) > 6)
            return false;
        if (line.EndsWith(','))
            return true;
        foreach (string greeting in Greetings)
        {
            if (line.StartsWith(greeting, StringComparison.OrdinalIgnoreCase)
                && (line.Length == greeting.Length || line[greeting.Length] is ' ' or ','))
                return true;
        }

        return false;
    }

    private static int CountWords(ReadOnlySpan<char> line)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool space = c == ' ';
            if (!space && !inWord)
                words++;
            inWord = !space;
        }

        return words;
    }

    private static bool IsSignOff(ReadOnlySpan<char> line)
    {
        if (line.Length == 0 || line.Length > 40)
            return false;
        ReadOnlySpan<char> closing = line.TrimEnd(", .!");
        Span<char> lower = stackalloc char[closing.Length];
        closing.ToLowerInvariant(lower);
        return SignOffLookup.Contains(lower);
    }

    private static HashSet<ulong> NameWords(IEnumerable<string>? names)
    {
        var set = new HashSet<ulong>();
        foreach (string name in names ?? [])
        {
            int start = -1;
            for (int i = 0; i <= name.Length; i++)
            {
                bool isWordChar = i < name.Length && char.IsLetterOrDigit(name[i]);
                if (isWordChar && start < 0)
                    start = i;
                else if (!isWordChar && start >= 0)
                {
                    // One-letter initials are too common to mask.
                    if (i - start >= 2)
                        set.Add(HashWord(name.AsSpan(start, i - start)));
                    start = -1;
                }
            }
        }

        return set;
    }

    /// <summary>FNV-1a over the lower-cased characters, then mixed.</summary>
    internal static ulong HashWord(ReadOnlySpan<char> word)
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

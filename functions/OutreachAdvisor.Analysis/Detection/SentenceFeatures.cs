namespace OutreachAdvisor.Analysis.Detection;

/// <summary>
/// The features the sentence models read, shared by training and analysis: word unigrams and
/// bigrams (with start and end markers), character n-grams inside each word, "?" and "!", links and
/// addresses as one token each, and a length bucket - each hashed (FNV-1a, then a final mix) into
/// 2^bits buckets. Text is folded first: lower case, accents dropped (so "perche" and "perché"
/// meet), typographic apostrophes straightened, digits as 0. Allocation-free: indexes are written to
/// the caller's span; an index may repeat (its count is its weight).
/// </summary>
public static class SentenceFeatures
{
    /// <summary>Characters of a sentence that are read; the rest is ignored (sentences are cut at 600 anyway).</summary>
    public const int MaxChars = 640;

    private const int MaxTokenLength = 24;
    private const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    private const uint WordSeed = Offset;
    private const uint GramSeed = Offset ^ 0x5bd1e995;
    private const uint BigramSeed = 0x27d4eb2f;
    private const uint MetaSeed = 0x165667b1;
    private static readonly uint StartToken = Hash(WordSeed, "<s>");
    private static readonly uint EndToken = Hash(WordSeed, "</s>");
    private static readonly uint LinkToken = Hash(WordSeed, "<link>");
    private static readonly uint AddressToken = Hash(WordSeed, "<address>");

    /// <summary>A buffer long enough for the features of any sentence with these options.</summary>
    public static int MaxFeatures(FeatureOptions options) => (MaxChars * (options.CharGramMax - options.CharGramMin + 4)) + 8;

    /// <summary>Writes the feature indexes of <paramref name="text"/> to <paramref name="features"/> and returns how many.</summary>
    public static int Extract(ReadOnlySpan<char> text, FeatureOptions options, Span<int> features)
    {
        if (text.Length > MaxChars)
            text = text[..MaxChars];
        uint mask = (uint)options.Buckets - 1;
        Span<char> token = stackalloc char[MaxTokenLength + 2];
        int count = 0;
        int words = 0;
        uint previous = StartToken;

        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            int chunkEnd = i;
            while (chunkEnd < text.Length && !char.IsWhiteSpace(text[chunkEnd]))
                chunkEnd++;
            ReadOnlySpan<char> chunk = text[i..chunkEnd];
            // " <https://...>" after a link's text is what the HTML-to-text view adds, not the writer's words:
            // it says nothing about asking or offering (it made "I read your piece on colour" read as an offer).
            if (chunk.StartsWith("<http", StringComparison.OrdinalIgnoreCase))
            {
                i = chunkEnd;
                continue;
            }
            if (IsLink(chunk) || IsAddress(chunk))
            {
                uint special = IsLink(chunk) ? LinkToken : AddressToken;
                Word(special, ref previous, mask, features, ref count);
                words++;
                i = chunkEnd;
                continue;
            }

            int j = 0;
            while (j < chunk.Length)
            {
                char c = chunk[j];
                if (char.IsLetterOrDigit(c))
                {
                    int length = 0;
                    token[length++] = ' ';
                    int apostrophe = -1;
                    while (j < chunk.Length && (char.IsLetterOrDigit(chunk[j]) || (IsApostrophe(chunk[j]) && j + 1 < chunk.Length && char.IsLetter(chunk[j + 1]))))
                    {
                        if (length <= MaxTokenLength)
                        {
                            char folded = Fold(chunk[j]);
                            if (folded == '\'')
                                apostrophe = length;
                            token[length++] = folded;
                        }
                        j++;
                    }
                    token[length++] = ' ';
                    ReadOnlySpan<char> word = token[1..(length - 1)];
                    Word(Hash(WordSeed, word), ref previous, mask, features, ref count);
                    // Elisions: "l'articolo" also counts as "articolo", "I'd" also as "d".
                    if (apostrophe > 0 && length - 2 - apostrophe >= 2)
                        features[count++] = Index(Hash(WordSeed, token[(apostrophe + 1)..(length - 1)]), mask);
                    CharGrams(token[..length], options, mask, features, ref count);
                    words++;
                    continue;
                }
                if (c is '?' or '!')
                    Word(c == '?' ? Hash(WordSeed, "?") : Hash(WordSeed, "!"), ref previous, mask, features, ref count);
                j++;
            }
            i = chunkEnd;
        }

        features[count++] = Index(Mix(previous, EndToken) ^ BigramSeed, mask);
        features[count++] = Index(Mix(MetaSeed, (uint)Math.Min(words / 4, 12)), mask);
        return count;
    }

    private static void Word(uint hash, ref uint previous, uint mask, Span<int> features, ref int count)
    {
        features[count++] = Index(hash, mask);
        features[count++] = Index(Mix(previous, hash) ^ BigramSeed, mask);
        previous = hash;
    }

    /// <summary>Character n-grams of the word padded with spaces (" word "); a word shorter than n gives itself once.</summary>
    private static void CharGrams(ReadOnlySpan<char> padded, FeatureOptions options, uint mask, Span<int> features, ref int count)
    {
        for (int n = options.CharGramMin; n <= options.CharGramMax; n++)
        {
            if (padded.Length <= n)
            {
                features[count++] = Index(Hash(GramSeed + (uint)n, padded), mask);
                break;
            }
            for (int s = 0; s + n <= padded.Length; s++)
                features[count++] = Index(Hash(GramSeed + (uint)n, padded.Slice(s, n)), mask);
        }
    }

    private static bool IsLink(ReadOnlySpan<char> chunk) =>
        chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsAddress(ReadOnlySpan<char> chunk)
    {
        int at = chunk.IndexOf('@');
        return at > 0 && chunk[(at + 1)..].Contains('.');
    }

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    /// <summary>Lower case without accents; typographic apostrophes straight; every digit 0.</summary>
    public static char Fold(char c)
    {
        if (c < 128)
            return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c is >= '0' and <= '9' ? '0' : c;
        if (char.IsDigit(c))
            return '0';
        c = char.ToLowerInvariant(c);
        return c switch
        {
            'à' or 'á' or 'â' or 'ä' or 'ã' or 'å' => 'a',
            'è' or 'é' or 'ê' or 'ë' => 'e',
            'ì' or 'í' or 'î' or 'ï' => 'i',
            'ò' or 'ó' or 'ô' or 'ö' or 'õ' => 'o',
            'ù' or 'ú' or 'û' or 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '’' or '‘' => '\'',
            _ => c,
        };
    }

    private static uint Hash(uint seed, ReadOnlySpan<char> text)
    {
        uint h = seed;
        foreach (char c in text)
        {
            h ^= c;
            h *= Prime;
        }
        return h;
    }

    private static uint Mix(uint a, uint b) => (a * 0x9E3779B1u) ^ b;

    /// <summary>MurmurHash3's finaliser, so nearby hashes land in unrelated buckets.</summary>
    private static int Index(uint h, uint mask)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return (int)(h & mask);
    }
}

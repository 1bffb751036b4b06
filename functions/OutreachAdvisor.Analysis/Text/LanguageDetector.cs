using System.Collections.Frozen;
using System.Text.Json;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Built-in language detection by stop-word frequency. It checks English and Italian (the languages
/// with lexicons) and can name a few others it does not check, so it can say honestly what it skipped.
/// </summary>
public static class LanguageDetector
{
    /// <summary>The code for "could not tell".</summary>
    public const string Undetermined = "und";

    // Below these, a text is too short or too mixed to call.
    private const int MinimumHits = 3;
    private const double MinimumShare = 0.12;

    private static readonly (string Language, FrozenSet<string> Words)[] Profiles = LoadProfiles();

    // Every profile's stop words in one case-insensitive map to the profiles that hold them (bit p for profile p):
    // one lookup per word instead of one per profile.
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ProfilesOfWord = MapWords(Profiles);

    // The opening of a message tells its language; reading more only costs time.
    private const int SampleLength = 2_000;

    public static string Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > SampleLength)
            text = text[..SampleLength];
        Span<int> hits = stackalloc int[Profiles.Length];
        int words = 0;
        foreach (ReadOnlySpan<char> word in new WordEnumerator(text))
        {
            words++;
            if (!ProfilesOfWord.TryGetValue(word, out int profiles))
                continue;
            for (int p = 0; p < Profiles.Length; p++)
            {
                if ((profiles & (1 << p)) != 0)
                    hits[p]++;
            }
        }

        int best = -1;
        int second = 0;
        for (int p = 0; p < Profiles.Length; p++)
        {
            if (best < 0 || hits[p] > hits[best])
            {
                if (best >= 0)
                    second = Math.Max(second, hits[best]);
                best = p;
            }
            else
            {
                second = Math.Max(second, hits[p]);
            }
        }

        if (best < 0 || hits[best] < MinimumHits || hits[best] < words * MinimumShare || hits[best] == second)
            return Undetermined;
        return Profiles[best].Language;
    }

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MapWords((string Language, FrozenSet<string> Words)[] profiles)
    {
        if (profiles.Length > 31)
            throw new InvalidOperationException("At most 31 language profiles fit the word map.");
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int p = 0; p < profiles.Length; p++)
        {
            foreach (string word in profiles[p].Words)
                map[word] = map.GetValueOrDefault(word) | (1 << p);
        }
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static (string, FrozenSet<string>)[] LoadProfiles()
    {
        var profiles = new List<(string, FrozenSet<string>)>();
        foreach (Lexicon lexicon in Lexicon.Supported.Values)
            profiles.Add((lexicon.Language, lexicon.Stopwords));

        using var others = JsonDocument.Parse(Lexicon.ReadResource("other.json"));
        foreach (JsonProperty language in others.RootElement.EnumerateObject())
        {
            if (language.Value.ValueKind != JsonValueKind.Array)
                continue;
            var words = language.Value.EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            profiles.Add((language.Name, words));
        }
        return [.. profiles];
    }
}

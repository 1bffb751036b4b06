using System.Collections.Frozen;
using System.Text.Json;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Built-in language detection by function-word frequency, plus letters only some languages use
/// (ñ ¿ in Spanish, ã õ in Portuguese, ă ș ț in Romanian, ß ä ö ü in German). It checks English and
/// Italian (the languages with lexicons) and names French, German, Spanish, Portuguese, Dutch and
/// Romanian, so it can say honestly what it skipped. It prefers "und" to a wrong guess: a text that
/// could be Italian or Spanish (or English or Dutch) is not analysed as Italian (or English).
/// Measured on corpus/languages in docs/quality.md.
/// </summary>
public static class LanguageDetector
{
    /// <summary>The code for "could not tell".</summary>
    public const string Undetermined = "und";

    // Below these, a text is too short or too mixed to call.
    private const int MinimumScore = 2;
    private const int ConfidentScore = 3;
    private const double MinimumShare = 0.12;
    // A checked language must beat the best unchecked one by this factor, or the text is undetermined.
    private const double CheckedMargin = 1.5;
    private const int MarkerWeight = 2;

    private static readonly Profile[] Profiles = LoadProfiles();

    // Every profile's function words in one case-insensitive map to the profiles that hold them (bit p for
    // profile p): one lookup per word instead of one per profile.
    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> ProfilesOfWord = MapWords(Profiles);

    // The opening of a message tells its language; reading more only costs time.
    private const int SampleLength = 2_000;

    public static string Detect(ReadOnlySpan<char> text)
    {
        if (text.Length > SampleLength)
            text = text[..SampleLength];
        Span<int> scores = stackalloc int[Profiles.Length];
        int words = 0;
        foreach (ReadOnlySpan<char> word in new WordEnumerator(text))
        {
            words++;
            if (!ProfilesOfWord.TryGetValue(word, out int profiles))
                continue;
            for (int p = 0; p < Profiles.Length; p++)
            {
                if ((profiles & (1 << p)) != 0)
                    scores[p]++;
            }
        }
        for (int p = 0; p < Profiles.Length; p++)
        {
            if (Profiles[p].Markers.Length > 0)
                scores[p] += MarkerWeight * CountMarkers(text, Profiles[p].Markers);
        }

        int best = 0;
        for (int p = 1; p < Profiles.Length; p++)
        {
            if (scores[p] > scores[best])
                best = p;
        }
        int second = 0, bestUnchecked = 0;
        for (int p = 0; p < Profiles.Length; p++)
        {
            if (p == best)
                continue;
            second = Math.Max(second, scores[p]);
            if (!Profiles[p].Checked)
                bestUnchecked = Math.Max(bestUnchecked, scores[p]);
        }

        int top = scores[best];
        if (top < MinimumScore || top == second || top < words * MinimumShare || (top < ConfidentScore && second > 0))
            return Undetermined;
        // Analysing Spanish as Italian (or Dutch as English) would make every rule speak nonsense: when in doubt, do not check.
        if (Profiles[best].Checked && bestUnchecked > 0 && top < CheckedMargin * bestUnchecked)
            return Undetermined;
        return Profiles[best].Language;
    }

    private static int CountMarkers(ReadOnlySpan<char> text, string markers)
    {
        int count = 0;
        int at;
        while ((at = text.IndexOfAny(markers)) >= 0)
        {
            count++;
            text = text[(at + 1)..];
        }
        return count;
    }

    private sealed record Profile(string Language, bool Checked, FrozenSet<string> Words, string Markers);

    private static FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MapWords(Profile[] profiles)
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

    private static Profile[] LoadProfiles()
    {
        var profiles = new List<Profile>();
        foreach (Lexicon lexicon in Lexicon.Supported.Values)
            profiles.Add(new Profile(lexicon.Language, true, lexicon.Stopwords, string.Empty));

        using var others = JsonDocument.Parse(Lexicon.ReadResource("other.json"));
        JsonElement markers = others.RootElement.TryGetProperty("markers", out JsonElement m) ? m : default;
        foreach (JsonProperty language in others.RootElement.EnumerateObject())
        {
            if (language.Value.ValueKind != JsonValueKind.Array)
                continue;
            var words = language.Value.EnumerateArray().Select(e => e.GetString()!).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
            string letters = markers.ValueKind == JsonValueKind.Object && markers.TryGetProperty(language.Name, out JsonElement l) ? l.GetString()! : string.Empty;
            // Upper-case forms count too ("Ñ", "Ș").
            profiles.Add(new Profile(language.Name, false, words, letters + letters.ToUpperInvariant()));
        }
        return [.. profiles];
    }
}

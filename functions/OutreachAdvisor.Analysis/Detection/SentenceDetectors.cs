using System.Collections.Frozen;

namespace OutreachAdvisor.Analysis.Detection;

/// <summary>
/// The learned sentence detectors the text view uses beside the lexicons, one model per language.
/// <see cref="Default"/> loads the committed models (embedded in this assembly) once per process, on
/// first use; <see cref="LexiconOnly"/> has none, which is the analysis as it was before models.
/// </summary>
public sealed class SentenceDetectors
{
    private static readonly Lazy<SentenceDetectors> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, SentenceModel> _models;

    public SentenceDetectors(IEnumerable<SentenceModel> models) =>
        _models = models.ToFrozenDictionary(m => m.Language, StringComparer.Ordinal);

    /// <summary>The committed models for English and Italian, loaded once (thread-safe).</summary>
    public static SentenceDetectors Default => Embedded.Value;

    /// <summary>No models: phrase lists only.</summary>
    public static SentenceDetectors LexiconOnly { get; } = new([]);

    /// <summary>"models" or "lexicon": how evaluations and health output name this set.</summary>
    public string Name => _models.Count == 0 ? "lexicon" : "models";

    public IEnumerable<SentenceModel> Models => _models.Values;

    public SentenceModel? For(string language) => _models.GetValueOrDefault(language);

    /// <summary>The embedded model of every language that has one (resources named OutreachAdvisor.Analysis.Detection.Models.&lt;lang&gt;.bin).</summary>
    private static SentenceDetectors LoadEmbedded()
    {
        System.Reflection.Assembly assembly = typeof(SentenceDetectors).Assembly;
        const string prefix = "OutreachAdvisor.Analysis.Detection.Models.";
        var models = new List<SentenceModel>();
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".bin", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            models.Add(SentenceModel.Load(stream));
        }
        return new SentenceDetectors(models);
    }
}

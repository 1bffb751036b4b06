using System.Diagnostics;
using System.Globalization;
using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;
using OutreachAdvisor.Evaluation.Corpus;

namespace OutreachAdvisor.Training;

/// <summary>
/// The training run: reads the train and dev splits (never test), trains one model per language,
/// checks the exported weights against ML.NET's own predictions, tunes each label's threshold on dev
/// and switches off any label whose model does not beat the lexicon there, then writes the model files.
/// </summary>
internal sealed partial class ModelTrainer(string root, TextWriter log)
{
    public static readonly string[] Languages = ["en", "it"];
    public static readonly SentenceLabel[] Labels = [SentenceLabel.Ask, SentenceLabel.Offer, SentenceLabel.Reference, SentenceLabel.Private];

    /// <summary>The settings the committed models were trained with (chosen on dev with --explore; see docs/quality.md).</summary>
    public static readonly TrainingSettings Chosen = new(FeatureOptions.Default, L2: 0.1f, DerivedWeight: 1f);

    private string ModelFolder => Path.Combine(root, "functions", "OutreachAdvisor.Analysis", "Detection", "Models");

    public async Task<int> RunAsync()
    {
        CorpusData data = await CorpusData.LoadAsync(root);
        var report = new List<string>();
        var clock = Stopwatch.StartNew();
        var models = new List<SentenceModel>();
        foreach (string language in Languages)
        {
            SentenceModel model = Train(data, language, Chosen, report);
            models.Add(model);
        }
        log.WriteLine($"trained in {clock.Elapsed.TotalSeconds:0.0} s");

        List<SentenceModel> tuned = await new ThresholdTuner(data, log).TuneAsync(models, report);
        Directory.CreateDirectory(ModelFolder);
        foreach (SentenceModel model in tuned)
        {
            string path = Path.Combine(ModelFolder, model.Language + ".bin");
            using (FileStream file = File.Create(path))
                model.Save(file);
            log.WriteLine($"wrote {Path.GetRelativePath(root, path)} ({new FileInfo(path).Length / 1024.0:0} KB)");
        }
        await File.WriteAllLinesAsync(Path.Combine(root, "tools", "OutreachAdvisor.Training", "training-report.md"), report);
        return 0;
    }

    public async Task<int> ExploreAsync()
    {
        CorpusData data = await CorpusData.LoadAsync(root);
        TrainingSettings[] grid =
        [
            Chosen with { L2 = 0.25f },
            Chosen with { L2 = 0.1f },
            Chosen with { L2 = 0.03f },
            Chosen with { L2 = 0.1f, DerivedWeight = 0.3f },
            Chosen with { L2 = 0.1f, Options = new FeatureOptions(16, 4, 4) },
            Chosen with { L2 = 0.1f, Options = new FeatureOptions(17, 3, 5) },
        ];
        foreach (TrainingSettings settings in grid)
        {
            log.WriteLine($"== {settings}");
            foreach (string language in Languages)
            {
                SentenceModel model = Train(data, language, settings, report: null);
                foreach (SentenceLabel label in Labels)
                {
                    (float t, SentenceScore combined) = BestCombined(model, label, data.DevSentences(language));
                    SentenceScore lexicon = SentenceLevel(null, label, language, data.DevSentences(language), 1);
                    (float tm, SentenceScore alone) = BestModelOnly(model, label, data.DevSentences(language));
                    log.WriteLine(FormattableString.Invariant($"  {language} {label,-9} lexicon {lexicon}  model@{tm:0.00} {alone}  both@{t:0.00} {combined}"));
                }
            }
        }
        return 0;
    }

    /// <summary>Trains every label of one language; thresholds are NaN (off) until tuned.</summary>
    public SentenceModel Train(CorpusData data, string language, TrainingSettings settings, List<string>? report)
    {
        FeatureOptions options = settings.Options;
        int labelCount = Labels.Length;
        float[] bias = new float[labelCount];
        var weights = new Half[options.Buckets * labelCount];
        var notes = new List<string>();
        for (int l = 0; l < labelCount; l++)
        {
            List<TrainingRow> rows = data.Rows(language, Labels[l], settings.DerivedWeight);
            LabelTrainer.Trained trained = LabelTrainer.Train(rows, options, settings.L2);
            bias[l] = trained.Bias;
            for (int b = 0; b < options.Buckets; b++)
                weights[(b * labelCount) + l] = (Half)trained.Weights[b];

            int positives = rows.Count(r => r.Label), fromMessages = rows.Count(r => r.Source == "messages");
            notes.Add($"{Labels[l]}: {rows.Count} rows ({positives} positive, {fromMessages} derived from train messages)");
            if (report is not null)
                CheckAgainstMlNet(trained, language, Labels[l], data, options, bias[l], report);
        }

        string note = string.Create(CultureInfo.InvariantCulture,
            $"ML.NET L-BFGS logistic regression, seed {LabelTrainer.Seed}, L2 {settings.L2}, derived weight {settings.DerivedWeight}, {options}; {string.Join("; ", notes)}");
        report?.Add($"- {language}: {note}");
        return new SentenceModel(language, options, Labels, bias, Labels.Select(_ => float.NaN).ToArray(), weights, note);
    }

    /// <summary>The exported weights must give ML.NET's own probabilities (up to 16-bit rounding of the weights).</summary>
    private void CheckAgainstMlNet(LabelTrainer.Trained trained, string language, SentenceLabel label, CorpusData data, FeatureOptions options, float bias, List<string> report)
    {
        string[] texts = data.DevSentences(language).Select(s => s.Text).ToArray();
        float[] expected = LabelTrainer.Predict(trained, texts, options);
        var single = new SentenceModel(language, options, [label], [bias], [0.5f], trained.Weights.Select(w => (Half)w).ToArray(), string.Empty);
        double worst = texts.Select((t, i) => Math.Abs(single.Score(t, label) - expected[i])).Max();
        log.WriteLine(FormattableString.Invariant($"{language} {label}: exported model vs ML.NET on {texts.Length} dev sentences, largest difference {worst:0.00000}"));
        if (worst > 0.01)
            throw new InvalidOperationException($"the exported {language} {label} model differs from ML.NET's by {worst}");
        report.Add(FormattableString.Invariant($"- {language} {label}: exported weights reproduce ML.NET's probabilities on the dev sentences within {worst:0.0000}"));
    }

    /// <summary>Whether the lexicon alone finds the label in a sentence (for private details: the rule's own phrase list).</summary>
    public static bool LexiconFinds(SentenceLabel label, string language, string text)
    {
        Lexicon lexicon = Lexicon.For(language)!;
        return label switch
        {
            SentenceLabel.Ask => lexicon.Ask.IsMatch(text),
            SentenceLabel.Offer => lexicon.Offer.IsMatch(text),
            SentenceLabel.Reference => lexicon.Reference.IsMatch(text),
            _ => RuleCatalog.Describe("no-personal-details")!.Phrases("personalDetails", language).IsMatch(text),
        };
    }

    /// <summary>Lexicon or model at <paramref name="threshold"/> (no model: the lexicon alone) on labelled sentences.</summary>
    public static SentenceScore SentenceLevel(SentenceModel? model, SentenceLabel label, string language, IReadOnlyList<LabelledSentence> sentences, float threshold) =>
        SentenceScore.Of(sentences.Select(s => (s.Labels.Contains(label), LexiconFinds(label, language, s.Text) || (model is not null && model.Score(s.Text, label) >= threshold))));

    public static (float Threshold, SentenceScore Score) BestCombined(SentenceModel model, SentenceLabel label, IReadOnlyList<LabelledSentence> sentences) =>
        Grid.Select(t => (t, SentenceLevel(model, label, model.Language, sentences, t))).MaxBy(p => p.Item2.F1);

    private static (float Threshold, SentenceScore Score) BestModelOnly(SentenceModel model, SentenceLabel label, IReadOnlyList<LabelledSentence> sentences) =>
        Grid.Select(t => (t, SentenceScore.Of(sentences.Select(s => (s.Labels.Contains(label), model.Score(s.Text, label) >= t))))).MaxBy(p => p.Item2.F1);

    public static readonly float[] Grid = [0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.85f, 0.9f, 0.95f];
}

/// <summary>The knobs of a training run.</summary>
internal sealed record TrainingSettings(FeatureOptions Options, float L2, float DerivedWeight);

using System.Globalization;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;
using OutreachAdvisor.Evaluation.Corpus;
using OutreachAdvisor.Evaluation.Scoring;

namespace OutreachAdvisor.Training;

/// <summary>
/// Chooses each label's threshold on the train and dev messages together (dev alone, about 80 messages
/// a language, gave thresholds that did worse on train): coordinate ascent over a coarse grid (and "off"),
/// judged by what the product reports - the macro F1 of the nine rules on those messages of the
/// language, then fewer false alarms, then the sentence-level F1 on the dev sentences. A label ships
/// only when it beats the lexicon alone. The test split is never read.
/// </summary>
internal sealed class ThresholdTuner(CorpusData data, TextWriter log)
{
    private const string PrivateRule = "no-personal-details";
    private const int Rounds = 2;

    public async Task<List<SentenceModel>> TuneAsync(IReadOnlyList<SentenceModel> models, List<string> report)
    {
        var tuned = new List<SentenceModel>();
        foreach (SentenceModel model in models)
        {
            string language = model.Language;
            CorpusCase[] messages = data.DevMessages.Concat(data.TrainMessages).Where(m => m.Language == language).ToArray();
            IReadOnlyList<LabelledSentence> sentences = data.DevSentences(language);
            Dictionary<SentenceLabel, float> thresholds = ModelTrainer.Labels.ToDictionary(l => l, l => ModelTrainer.BestCombined(model, l, sentences).Threshold);

            Objective lexicon = await ObjectiveAsync(model, ModelTrainer.Labels.ToDictionary(l => l, _ => float.NaN), messages, sentences, null);
            report.Add(string.Empty);
            report.Add($"### {language}: train+dev messages, lexicon only: macro F1 {F(lexicon.MacroF1)}, false alarms per message {F(lexicon.FalseAlarmsPerMessage)}");
            for (int round = 0; round < Rounds; round++)
            {
                foreach (SentenceLabel label in ModelTrainer.Labels)
                {
                    Objective? best = null;
                    float bestThreshold = float.NaN;
                    foreach (float candidate in ModelTrainer.Grid.Append(float.NaN))
                    {
                        var trial = new Dictionary<SentenceLabel, float>(thresholds) { [label] = candidate };
                        Objective objective = await ObjectiveAsync(model, trial, messages, sentences, label);
                        if (best is null || objective.CompareTo(best) > 0)
                            (best, bestThreshold) = (objective, candidate);
                    }
                    thresholds[label] = bestThreshold;
                }
            }

            // Ship a label only when it beats the lexicon on dev: better for the rules, or as good and clearly better on sentences.
            foreach (SentenceLabel label in ModelTrainer.Labels)
            {
                if (float.IsNaN(thresholds[label]))
                {
                    report.Add($"- {label}: not shipped (no threshold did better than the lexicon alone on dev)");
                    continue;
                }
                Objective on = await ObjectiveAsync(model, thresholds, messages, sentences, label);
                Objective off = await ObjectiveAsync(model, new Dictionary<SentenceLabel, float>(thresholds) { [label] = float.NaN }, messages, sentences, label);
                SentenceScore lexiconOnly = ModelTrainer.SentenceLevel(null, label, language, sentences, 1);
                bool ships = on.MacroF1 > off.MacroF1 + 1e-9 || (on.MacroF1 >= off.MacroF1 - 1e-9 && on.FalseAlarms <= off.FalseAlarms && on.SentenceF1 >= lexiconOnly.F1 + 0.02);
                report.Add(string.Create(CultureInfo.InvariantCulture,
                    $"- {label}: threshold {thresholds[label]:0.00}; dev sentences lexicon F1 {F(lexiconOnly.F1)} -> with model {F(on.SentenceF1)}; train+dev messages macro F1 {F(off.MacroF1)} -> {F(on.MacroF1)}, false alarms {off.FalseAlarms} -> {on.FalseAlarms}; {(ships ? "shipped" : "not shipped (does not beat the lexicon on dev)")}"));
                if (!ships)
                    thresholds[label] = float.NaN;
            }

            SentenceModel final = model.WithThresholds(thresholds);
            Objective result = await ObjectiveAsync(model, thresholds, messages, sentences, null);
            report.Add($"- {language} with the shipped models: train+dev macro F1 {F(result.MacroF1)}, false alarms per message {F(result.FalseAlarmsPerMessage)}");
            log.WriteLine(string.Join(Environment.NewLine, report.TakeLast(ModelTrainer.Labels.Length + 2)));
            tuned.Add(final);
        }
        return tuned;
    }

    /// <summary>How the product does on the dev messages of the model's language with these thresholds.</summary>
    private static async Task<Objective> ObjectiveAsync(SentenceModel model, Dictionary<SentenceLabel, float> thresholds, CorpusCase[] messages, IReadOnlyList<LabelledSentence> sentences, SentenceLabel? focus)
    {
        SentenceModel trial = model.WithThresholds(thresholds);
        var detectors = new SentenceDetectors([trial]);
        EvaluationReport evaluation = await new Evaluator(new OutreachAnalyzer(RuleCatalog.BuiltIn, detectors), detectors.Name).EvaluateAsync("dev", messages, CancellationToken.None);

        // no-personal-details as it will be once wired: the rule's phrases or the model's private-details sentences.
        Dictionary<string, bool> privateFound = messages.ToDictionary(m => m.Id, m => TextView.Create(m.Message, PlainText.Of(m.Message), null, detectors).PrivateDetails.Count > 0);
        string[] rules = RuleCatalog.Descriptions.Select(d => d.Name).ToArray();
        Dictionary<string, IReadOnlyDictionary<string, bool>> labels = messages.ToDictionary(m => m.Id, m => m.Labels);
        double macro = 0;
        int falseAlarms = 0;
        foreach (string rule in rules)
        {
            int tp = 0, fp = 0, fn = 0;
            foreach (CaseOutcome outcome in evaluation.Outcomes)
            {
                bool got = outcome.Fired[rule] || (rule == PrivateRule && privateFound[outcome.Id]);
                bool expected = labels[outcome.Id][rule];
                if (expected && got)
                    tp++;
                else if (got)
                    fp++;
                else if (expected)
                    fn++;
            }
            falseAlarms += fp;
            macro += new RuleScore(rule, model.Language, tp, fp, fn, 0).F1;
        }

        double sentenceF1 = focus is { } label && !float.IsNaN(thresholds[label])
            ? ModelTrainer.SentenceLevel(model, label, model.Language, sentences, thresholds[label]).F1
            : focus is { } off ? ModelTrainer.SentenceLevel(null, off, model.Language, sentences, 1).F1 : 0;
        float threshold = focus is { } f ? thresholds[f] : float.NaN;
        return new Objective(macro / rules.Length, falseAlarms, (double)falseAlarms / messages.Length, sentenceF1, float.IsNaN(threshold) ? 2 : threshold);
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Better is: higher macro F1, then fewer false alarms, then higher sentence F1, then a higher threshold (or off).</summary>
    private sealed record Objective(double MacroF1, int FalseAlarms, double FalseAlarmsPerMessage, double SentenceF1, float Threshold) : IComparable<Objective>
    {
        public int CompareTo(Objective? other)
        {
            if (other is null)
                return 1;
            int c = Math.Round(MacroF1, 6).CompareTo(Math.Round(other.MacroF1, 6));
            if (c != 0)
                return c;
            c = other.FalseAlarms.CompareTo(FalseAlarms);
            if (c != 0)
                return c;
            c = Math.Round(SentenceF1, 6).CompareTo(Math.Round(other.SentenceF1, 6));
            return c != 0 ? c : Threshold.CompareTo(other.Threshold);
        }
    }
}

using System.CommandLine;
using System.Globalization;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Evaluation.Corpus;
using OutreachAdvisor.Evaluation.Scoring;

namespace OutreachAdvisor.Cli.Commands;

/// <summary>
/// <c>outreach eval DIR [--json] [--detectors models|lexicon] [--min-macro-f1 X] [--max-false-alarms X]</c>: runs the analysis on a
/// folder of labelled cases (corpus/README.md) and prints precision, recall and F1 per rule and
/// language, macro F1, false alarms per message and the failed cases. Exit 0: evaluated (and at or
/// above the floors given); 1: below a floor; 2: bad input (one line naming the file).
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliStreams streams)
    {
        var folder = new Argument<string>("DIR") { Description = "A folder of labelled message cases (.json, searched recursively), e.g. corpus/messages/dev" };
        Option<bool> json = CommonOptions.Json("Print the evaluation as JSON");
        var minMacroF1 = new Option<double?>("--min-macro-f1")
        {
            Description = "Exit 1 when the macro F1 of any language (or of all cases) is below this",
            HelpName = "0..1",
        };
        var maxFalseAlarms = new Option<double?>("--max-false-alarms")
        {
            Description = "Exit 1 when false alarms per message of any language (or of all cases) is above this",
            HelpName = "RATE",
        };

        var detectors = new Option<string>("--detectors")
        {
            Description = "models: lexicons plus the learned sentence models (default); lexicon: phrase lists only, for comparison",
            HelpName = "models|lexicon",
            DefaultValueFactory = _ => "models",
        };
        detectors.AcceptOnlyFromAmong("models", "lexicon");

        var command = new Command("eval", "Measures the analysis against a labelled corpus folder: precision, recall and F1 per rule and language, macro F1, false alarms per message, and every failed case.")
        {
            folder, json, detectors, minMacroF1, maxFalseAlarms,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(folder)!, parsed.GetValue(json), parsed.GetValue(detectors) == "lexicon", parsed.GetValue(minMacroF1), parsed.GetValue(maxFalseAlarms), streams, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string folder, bool json, bool lexiconOnly, double? minMacroF1, double? maxFalseAlarms, CliStreams streams, CancellationToken cancellationToken)
    {
        OutreachAnalyzer analyzer = lexiconOnly ? new OutreachAnalyzer(RuleCatalog.BuiltIn, SentenceDetectors.LexiconOnly) : OutreachAnalyzer.Default;
        string[] rules = analyzer.Rules.Select(r => r.Description.Name).ToArray();
        IReadOnlyList<CorpusCase> cases;
        try
        {
            cases = await CorpusReader.ReadFolderAsync(folder, rules, cancellationToken).ConfigureAwait(false);
        }
        catch (CorpusException error)
        {
            throw new UsageException(error.Message);
        }

        EvaluationReport report = await new Evaluator(analyzer, analyzer.Detectors.Name).EvaluateAsync(folder, cases, cancellationToken).ConfigureAwait(false);
        if (json)
            await streams.Stdout.WriteLineAsync(EvaluationText.ToJson(report)).ConfigureAwait(false);
        else
            EvaluationText.Write(streams.Stdout, report);

        var below = new List<string>();
        foreach (LanguageSummary summary in report.Summaries)
        {
            if (minMacroF1 is double f1 && summary.MacroF1 < f1)
                below.Add($"{summary.Language}: macro F1 {F(summary.MacroF1)} < {F(f1)}");
            if (maxFalseAlarms is double alarms && summary.FalseAlarmsPerMessage > alarms)
                below.Add($"{summary.Language}: false alarms per message {F(summary.FalseAlarmsPerMessage)} > {F(alarms)}");
        }
        foreach (string line in below)
            await streams.Stderr.WriteLineAsync("outreach: below floor: " + line).ConfigureAwait(false);
        return below.Count == 0 ? OutreachCli.Clean : OutreachCli.Findings;
    }

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text.Json;

namespace OutreachAdvisor.Evaluation.Scoring;

/// <summary>The evaluation as a table for people, or as JSON (camelCase) for scripts and CI.</summary>
public static class EvaluationText
{
    public static void Write(TextWriter output, EvaluationReport report)
    {
        string[] languages = report.Summaries.Select(s => s.Language).ToArray();
        string counts = string.Join(", ", report.Summaries.Skip(1).Select(s => $"{s.Cases} {s.Language}"));
        output.WriteLine($"outreach eval {report.Folder}: {report.Cases} cases ({counts}), detectors: {report.Detectors}");
        output.WriteLine();

        int nameWidth = Math.Max(22, report.Rules.Max(r => r.Rule.Length) + 2);
        output.Write("".PadRight(nameWidth));
        foreach (string language in languages)
            output.Write($"| {language,-20}");
        output.WriteLine();
        output.Write("rule".PadRight(nameWidth));
        foreach (string _ in languages)
            output.Write("| P      R      F1    ");
        output.WriteLine();
        foreach (string rule in report.Rules.Select(r => r.Rule).Distinct())
        {
            output.Write(rule.PadRight(nameWidth));
            foreach (string language in languages)
            {
                RuleScore score = report.Rules.First(r => r.Rule == rule && r.Language == language);
                output.Write($"| {N(score.Precision)}  {N(score.Recall)}  {N(score.F1)} ");
            }
            output.WriteLine();
        }
        output.Write("macro F1".PadRight(nameWidth));
        foreach (LanguageSummary summary in report.Summaries)
            output.Write($"| {N(summary.MacroF1),-20}");
        output.WriteLine();
        output.Write("false alarms/message".PadRight(nameWidth));
        foreach (LanguageSummary summary in report.Summaries)
            output.Write($"| {$"{N(summary.FalseAlarmsPerMessage)} ({summary.FalseAlarms})",-20}");
        output.WriteLine();
        output.WriteLine();

        output.WriteLine(report.Failures.Count == 0 ? "failed: none" : $"failed ({report.Failures.Count}):");
        foreach (EvaluationFailure failure in report.Failures)
        {
            string findings = failure.Findings.Count == 0
                ? failure.Check
                : string.Join("; ", failure.Findings.Select(f => $"{f.MessageId} {f.Severity}" + (f.Evidence.Count == 0 ? string.Empty : " " + string.Join(" ", f.Evidence.Select(Quote)))));
            output.WriteLine($"  {failure.Id} {failure.Rule}: expected {Word(failure.Expected)}, got {Word(failure.Got)} - {findings}");
        }
    }

    public static string ToJson(EvaluationReport report) => JsonSerializer.Serialize(Shape(report), EvaluationJsonContext.Default.EvaluationJson);

    private static EvaluationJson Shape(EvaluationReport report) => new(
        report.Folder,
        report.Cases,
        report.Detectors,
        report.Summaries.Select(s => new SummaryJson(s.Language, s.Cases, Round(s.MacroF1), s.FalseAlarms, Round(s.FalseAlarmsPerMessage))).ToArray(),
        report.Rules.Select(r => new RuleJson(r.Rule, r.Language, r.TruePositives, r.FalsePositives, r.FalseNegatives, r.TrueNegatives, Round(r.Precision), Round(r.Recall), Round(r.F1))).ToArray(),
        report.Failures);

    private static double Round(double value) => Math.Round(value, 4);

    private static string N(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Word(bool fires) => fires ? "true" : "false";

    /// <summary>Evidence in quotes on one line, at most 80 characters, so a failure list stays readable.</summary>
    private static string Quote(string evidence)
    {
        string line = string.Join(' ', evidence.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return "\"" + (line.Length > 80 ? line[..77] + "..." : line) + "\"";
    }
}

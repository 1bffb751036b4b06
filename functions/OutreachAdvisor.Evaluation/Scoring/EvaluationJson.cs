using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachAdvisor.Evaluation.Scoring;

// The shape of `outreach eval --json`: numbers rounded to four places, failures as they are.

internal sealed record EvaluationJson(
    string Folder, int Cases, string Detectors, IReadOnlyList<SummaryJson> Summaries, IReadOnlyList<RuleJson> Rules, IReadOnlyList<EvaluationFailure> Failures);

internal sealed record SummaryJson(string Language, int Cases, double MacroF1, int FalseAlarms, double FalseAlarmsPerMessage);

internal sealed record RuleJson(
    string Rule, string Language, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, double Precision, double Recall, double F1);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(EvaluationJson))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;

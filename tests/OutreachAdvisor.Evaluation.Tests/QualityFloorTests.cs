using System.Globalization;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Evaluation.Corpus;
using OutreachAdvisor.Evaluation.Scoring;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Evaluation.Tests;

/// <summary>
/// The CI floor of issue 10: `outreach eval corpus/messages/test` with the shipped models, per language.
/// The floors are the numbers measured once on the test split (docs/quality.md): en macro F1 0.910 and
/// 0.107 false alarms per message, it 0.861 and 0.191. They are BELOW issue 10's targets (macro F1 0.92,
/// at most 0.10 false alarms per message): the targets are not met yet, and these floors only stop it
/// getting worse. Raise them when the numbers improve. The message names only the numbers: the failed
/// test cases are not for tuning (tune on train and dev).
/// </summary>
[TestClass]
public sealed class QualityFloorTests
{
    // Issue 10's targets, which the floors below must reach one day.
    public const double TargetMacroF1 = 0.92;
    public const double TargetFalseAlarmsPerMessage = 0.10;

    private static readonly string[] Rules = RuleCatalog.Descriptions.Select(d => d.Name).ToArray();

    [TestMethod]
    [DataRow("en", 0.905, 0.11)]
    [DataRow("it", 0.85, 0.20)]
    public async Task Test_split_meets_the_floors(string language, double macroF1Floor, double falseAlarmsCeiling)
    {
        string folder = Path.Combine(RepoPaths.Root, "corpus", "messages", CorpusSplit.Test);
        IReadOnlyList<CorpusCase> cases = await CorpusReader.ReadFolderAsync(folder, Rules, CancellationToken.None);
        Assert.IsGreaterThanOrEqualTo(50, cases.Count(c => c.Language == language), $"the test split has {language} cases to measure");

        EvaluationReport report = await new Evaluator(OutreachAnalyzer.Default, "models").EvaluateAsync(folder, cases, CancellationToken.None);
        LanguageSummary summary = report.Summary(language);

        string measured = string.Create(CultureInfo.InvariantCulture, $"{language}: macro F1 {summary.MacroF1:0.000}, false alarms per message {summary.FalseAlarmsPerMessage:0.000}");
        Assert.IsGreaterThanOrEqualTo(macroF1Floor, summary.MacroF1, measured);
        Assert.IsLessThanOrEqualTo(falseAlarmsCeiling, summary.FalseAlarmsPerMessage, measured);
    }
}

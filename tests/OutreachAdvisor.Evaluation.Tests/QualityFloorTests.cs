using System.Globalization;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Evaluation.Corpus;
using OutreachAdvisor.Evaluation.Scoring;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Evaluation.Tests;

/// <summary>
/// The CI floor of issue 10: `outreach eval corpus/messages/test` with the shipped models, per language.
/// The floors are issue 10's targets (macro F1 0.92, at most 0.10 false alarms per message) in each language;
/// measured once on the test split after the tuning on train and dev (docs/quality.md): en 0.933 and 0.071,
/// it 0.943 and 0.074. The message names only the numbers: the failed test cases are not for tuning.
/// </summary>
[TestClass]
public sealed class QualityFloorTests
{
    private const double MacroF1Floor = 0.92;
    private const double FalseAlarmsPerMessageCeiling = 0.10;

    private static readonly string[] Rules = RuleCatalog.Descriptions.Select(d => d.Name).ToArray();

    [TestMethod]
    [DataRow("en")]
    [DataRow("it")]
    public async Task Test_split_meets_the_floors(string language)
    {
        string folder = Path.Combine(RepoPaths.Root, "corpus", "messages", CorpusSplit.Test);
        IReadOnlyList<CorpusCase> cases = await CorpusReader.ReadFolderAsync(folder, Rules, CancellationToken.None);
        Assert.IsGreaterThanOrEqualTo(50, cases.Count(c => c.Language == language), $"the test split has {language} cases to measure");

        EvaluationReport report = await new Evaluator(OutreachAnalyzer.Default, "models").EvaluateAsync(folder, cases, CancellationToken.None);
        LanguageSummary summary = report.Summary(language);

        string measured = string.Create(CultureInfo.InvariantCulture, $"{language}: macro F1 {summary.MacroF1:0.000}, false alarms per message {summary.FalseAlarmsPerMessage:0.000}");
        Assert.IsGreaterThanOrEqualTo(MacroF1Floor, summary.MacroF1, measured);
        Assert.IsLessThanOrEqualTo(FalseAlarmsPerMessageCeiling, summary.FalseAlarmsPerMessage, measured);
    }
}

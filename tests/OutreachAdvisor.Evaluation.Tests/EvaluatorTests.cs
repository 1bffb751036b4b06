using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Evaluation.Corpus;
using OutreachAdvisor.Evaluation.Scoring;

namespace OutreachAdvisor.Evaluation.Tests;

[TestClass]
public sealed class EvaluatorTests
{
    private static readonly string[] Rules = RuleCatalog.Descriptions.Select(d => d.Name).ToArray();

    [TestMethod]
    public void Scores_follow_their_definitions()
    {
        var score = new RuleScore("r", "en", TruePositives: 6, FalsePositives: 2, FalseNegatives: 3, TrueNegatives: 9);
        Assert.AreEqual(0.75, score.Precision, 1e-9);
        Assert.AreEqual(6 / 9.0, score.Recall, 1e-9);
        Assert.AreEqual(2 * 0.75 * (6 / 9.0) / (0.75 + (6 / 9.0)), score.F1, 1e-9);
        var quiet = new RuleScore("r", "en", 0, 0, 0, 10);
        Assert.AreEqual(1, quiet.F1, "nothing to find and nothing found is right");
        Assert.AreEqual(0, new RuleScore("r", "en", 0, 3, 2, 5).F1);
        Assert.AreEqual(0.25, new LanguageSummary("en", 8, 0.9, 2).FalseAlarmsPerMessage);
    }

    [TestMethod]
    public async Task A_right_and_a_wrong_label_count_as_they_should()
    {
        using var corpus = new TempCorpus();
        corpus.Write("right.json", TempCorpus.Case("en-t-0001"));
        // The same message labelled as if it offered something: mutual-benefit now fires on a false label.
        corpus.Write("wrong.json", TempCorpus.Case("en-t-0002").Replace("\"mutual-benefit\": true", "\"mutual-benefit\": false", StringComparison.Ordinal));
        IReadOnlyList<CorpusCase> cases = await CorpusReader.ReadFolderAsync(corpus.Folder, Rules, CancellationToken.None);

        EvaluationReport report = await new Evaluator(OutreachAnalyzer.Default, "models").EvaluateAsync(corpus.Folder, cases, CancellationToken.None);

        RuleScore mutual = report.Rules.Single(r => r.Rule == "mutual-benefit" && r.Language == "all");
        Assert.AreEqual((1, 1, 0, 0), (mutual.TruePositives, mutual.FalsePositives, mutual.FalseNegatives, mutual.TrueNegatives));
        EvaluationFailure failure = report.Failures.Single();
        Assert.AreEqual(("en-t-0002", "mutual-benefit", false, true), (failure.Id, failure.Rule, failure.Expected, failure.Got));
        FailureFinding finding = failure.Findings.Single(f => f.Severity == "warning");
        Assert.AreEqual("mutual-benefit/nothing-offered", finding.MessageId);
        Assert.AreEqual("Could we grab a coffee next week?", finding.Evidence.Single(), "the evidence is the clause that asks");
        Assert.AreEqual(1, report.Summary("all").FalseAlarms);
        Assert.AreEqual(0.5, report.Summary("en").FalseAlarmsPerMessage);
        Assert.AreEqual(report.Rules.Where(r => r.Language == "en").Average(r => r.F1), report.Summary("en").MacroF1, 1e-9);
    }

    [TestMethod]
    public async Task Json_output_has_summaries_rules_and_failures()
    {
        using var corpus = new TempCorpus();
        corpus.Write("a.json", TempCorpus.Case());
        IReadOnlyList<CorpusCase> cases = await CorpusReader.ReadFolderAsync(corpus.Folder, Rules, CancellationToken.None);
        EvaluationReport report = await new Evaluator(OutreachAnalyzer.Default, "models").EvaluateAsync("x", cases, CancellationToken.None);
        using var json = System.Text.Json.JsonDocument.Parse(EvaluationText.ToJson(report));
        Assert.AreEqual(1, json.RootElement.GetProperty("cases").GetInt32());
        Assert.AreEqual("all", json.RootElement.GetProperty("summaries")[0].GetProperty("language").GetString());
        Assert.AreEqual(Rules.Length * 2, json.RootElement.GetProperty("rules").GetArrayLength(), "all and en, per rule");
        Assert.AreEqual(System.Text.Json.JsonValueKind.Array, json.RootElement.GetProperty("failures").ValueKind);
    }
}

using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// How the analyzer puts the rules' verdicts into one answer: where a long text is cut, what <c>truncated</c>
/// says, one finding per problem with its evidence (capped, total given), the order of findings, coverage and
/// the reader's language. Rules here are scripted so each case controls exactly what the analyzer receives.
/// </summary>
[TestClass]
public sealed class AnalyzerAssemblyTests
{
    private const int Max = OutreachAnalyzer.MaxTextChars;

    /// <summary>A rule with personal-greeting's description (so its message ids render) that returns <paramref name="outcome"/>.</summary>
    private sealed class ScriptedRule(Func<RuleInput, RuleOutcome> outcome, string name = "personal-greeting") : IRule
    {
        public RuleDescription Description { get; } = RuleCatalog.Descriptions.Single(d => d.Name == name);

        public RuleOutcome Evaluate(RuleInput input) => outcome(input);
    }

    private static RuleFinding Field(int start, int length = 3, Severity severity = Severity.Error, params string[] recipients) =>
        new("personal-greeting/merge-field", severity)
        {
            Args = new Dictionary<string, object> { ["field"] = "{{x}}" },
            Evidence = [new TextSpan(start, length)],
            Recipients = recipients,
        };

    private static AnalysisResult Run(string body, params IRule[] rules) => new OutreachAnalyzer(rules).Analyze(Build.Message(body));

    private static AnalysisResult Run(string body, Func<RuleInput, RuleOutcome> outcome) => Run(body, new ScriptedRule(outcome));

    private static string Letters(int length) => new('a', length);

    [TestMethod]
    public void A_text_at_the_bound_is_read_whole()
    {
        string text = Letters(Max);
        Assert.AreSame(text, OutreachAnalyzer.Cut(text));
    }

    [TestMethod]
    public void A_cut_ends_after_the_last_line_end_within_reach()
    {
        string text = Letters(Max - 500) + "\n" + Letters(600) + ". " + Letters(500);
        Assert.AreEqual(Max - 499, OutreachAnalyzer.Cut(text).Length, "the line end wins over a later sentence end");

        string atFloor = Letters(Max - 1_000) + "\n" + Letters(2_000);
        Assert.AreEqual(Max - 999, OutreachAnalyzer.Cut(atFloor).Length, "a line end on the first character of the reach counts");
    }

    [TestMethod]
    public void Without_a_line_end_a_cut_ends_after_a_sentence_end_or_space()
    {
        Assert.AreEqual(Max - 299, OutreachAnalyzer.Cut(Letters(Max - 300) + "." + Letters(1_000)).Length);
        Assert.AreEqual(Max - 9, OutreachAnalyzer.Cut(Letters(Max - 10) + "?" + Letters(1_000)).Length);
        Assert.AreEqual(Max - 19, OutreachAnalyzer.Cut(Letters(Max - 20) + "!" + Letters(1_000)).Length);
        Assert.AreEqual(Max - 49, OutreachAnalyzer.Cut(Letters(Max - 50) + "\t" + Letters(1_000)).Length);
        Assert.AreEqual(Max, OutreachAnalyzer.Cut(Letters(Max - 1) + " " + Letters(1_000)).Length, "a space on the bound's last character");
        Assert.AreEqual(Max - 999, OutreachAnalyzer.Cut(Letters(Max - 1_000) + " " + Letters(2_000)).Length, "a space on the first character of the reach");
    }

    [TestMethod]
    public void Breaks_before_the_reach_or_other_punctuation_do_not_move_the_cut()
    {
        Assert.AreEqual(Max, OutreachAnalyzer.Cut(Letters(Max - 1_001) + "\n" + Letters(2_000)).Length, "a line end before the reach");
        Assert.AreEqual(Max, OutreachAnalyzer.Cut(Letters(Max - 1_001) + "." + Letters(2_000)).Length, "a sentence end before the reach");
        Assert.AreEqual(Max, OutreachAnalyzer.Cut(Letters(Max - 300) + ",;:" + Letters(1_000)).Length, "commas are no break");
    }

    [TestMethod]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        string text = Letters(Max - 1) + "\U0001F600" + Letters(100);
        string read = OutreachAnalyzer.Cut(text);
        Assert.AreEqual(Max - 1, read.Length);
        Assert.IsFalse(char.IsHighSurrogate(read[^1]));

        string low = Letters(Max - 2) + "\U0001F600" + Letters(100);
        Assert.AreEqual(Max, OutreachAnalyzer.Cut(low).Length, "a whole pair before the bound stays");
    }

    [TestMethod]
    public void Truncated_names_the_characters_read_and_the_whole_new_text_and_no_rules_out_of_time()
    {
        string body = "Hi Jane,\n" + string.Concat(Enumerable.Repeat("I read your piece on river towns.\n", 1_100));
        AnalysisResult result = Run(body, input => { _ = input.Text.NewText; return RuleOutcome.Passed(new Reason("personal-greeting/check.no-placeholder")); });

        Truncation truncated = result.Truncated!;
        Assert.AreEqual(OutreachAnalyzer.Cut(body).Length, truncated.TextCharactersRead);
        Assert.AreEqual(body.Length, truncated.TextCharacters);
        Assert.IsNull(truncated.RulesOutOfTime);
        Assert.AreEqual(0, truncated.FindingsOmitted + truncated.EvidenceOmitted + truncated.RecipientsOmitted + truncated.TextsShortened);
        RuleCheck check = result.Checks.Single();
        Assert.AreEqual(CheckStatus.Skipped, check.Status, "a pass on part of the text is no pass");
        Assert.AreEqual("check/text-cut-unchecked", check.DetailId);
    }

    [TestMethod]
    public void A_rule_that_did_not_read_the_cut_text_keeps_its_verdict()
    {
        string body = "Hi Jane,\n" + string.Concat(Enumerable.Repeat("I read your piece on river towns.\n", 1_100));
        AnalysisResult result = Run(body, _ => RuleOutcome.Passed(new Reason("personal-greeting/check.no-placeholder")));

        Assert.AreEqual(CheckStatus.Passed, result.Checks.Single().Status);
        Assert.AreEqual("personal-greeting/check.no-placeholder", result.Checks.Single().DetailId);
        Assert.IsNotNull(result.Truncated, "the text was still cut");
    }

    [TestMethod]
    public void Twenty_places_are_all_shown_and_the_twenty_first_gives_a_total()
    {
        string body = "Hi Jane,\n" + string.Concat(Enumerable.Repeat("{{x}} ", 30));
        AnalysisResult twenty = Run(body, _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"), Enumerable.Range(0, Finding.MaxEvidence).Select(i => Field(9 + (6 * i)))));
        AnalysisResult more = Run(body, _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"), Enumerable.Range(0, Finding.MaxEvidence + 1).Select(i => Field(9 + (6 * i)))));

        Finding all = twenty.Findings.Single();
        Assert.HasCount(Finding.MaxEvidence, all.Evidence);
        Assert.IsNull(all.EvidenceTotal);
        Finding capped = more.Findings.Single();
        Assert.HasCount(Finding.MaxEvidence, capped.Evidence);
        Assert.AreEqual(Finding.MaxEvidence + 1, capped.EvidenceTotal);
        Assert.AreEqual(9, capped.Evidence[0].Start);
    }

    [TestMethod]
    public void One_problem_is_one_finding_with_its_places_in_order_once_each_and_the_worst_severity()
    {
        string body = "Hi Jane,\n{{a}} then {{b}} then {{c}}";
        AnalysisResult result = Run(body, _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"),
            Field(29, severity: Severity.Warning), Field(9), Field(19, severity: Severity.Info), Field(9)));

        Finding finding = result.Findings.Single();
        CollectionAssert.AreEqual(new[] { 9, 19, 29 }, finding.Evidence.Select(e => e.Start).ToArray());
        Assert.AreEqual("{{a", finding.Evidence[0].Text);
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual("4", finding.Data["count"], "the count is of the rule's findings, as the message says");
        Assert.AreEqual("3", finding.Data["more"]);
        StringAssert.StartsWith(finding.Message, "4 unfilled");
    }

    [TestMethod]
    public void Places_at_one_start_are_ordered_by_length()
    {
        AnalysisResult result = Run("Hi Jane,\n{{abc}}", _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"), Field(9, length: 7), Field(9, length: 5)));
        CollectionAssert.AreEqual(new[] { 5, 7 }, result.Findings.Single().Evidence.Select(e => e.Length).ToArray());
    }

    [TestMethod]
    public void A_single_finding_keeps_its_own_words_and_places()
    {
        AnalysisResult result = Run("Hi Jane,\n{{b}} {{a}}", _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"),
            Field(15) with { Evidence = [new TextSpan(15, 5), new TextSpan(9, 5)] }));

        Finding finding = result.Findings.Single();
        CollectionAssert.AreEqual(new[] { 15, 9 }, finding.Evidence.Select(e => e.Start).ToArray(), "a rule's own order of places is kept");
        Assert.IsFalse(finding.Data.ContainsKey("count"));
        StringAssert.StartsWith(finding.Message, "\"{{x}}\" is an unfilled");
    }

    [TestMethod]
    public void Findings_about_different_recipients_stay_apart_and_name_their_recipient()
    {
        AnalysisResult result = Run("Hi Jane,\n{{a}} {{b}}", _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"),
            Field(9, recipients: "a@x.example"), Field(15, recipients: "b@x.example"), Field(15, recipients: ["a@x.example", "b@x.example"])));

        Assert.HasCount(3, result.Findings);
        CollectionAssert.AreEqual(new[] { "a@x.example", "b@x.example", null }, result.Findings.Select(f => f.Recipient).ToArray());
        CollectionAssert.AreEqual(new[] { "a@x.example", "b@x.example" }, result.Findings[2].Recipients.ToArray());
    }

    [TestMethod]
    public void Findings_come_worst_first_then_by_place_and_those_without_a_place_last()
    {
        AnalysisResult result = Run("Hi Jane,\n{{a}} {{b}} {{c}}",
            new ScriptedRule(_ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"),
                Field(21, severity: Severity.Warning, recipients: "c@x.example"),
                Field(15, severity: Severity.Warning, recipients: "b@x.example"),
                Field(9, severity: Severity.Info, recipients: "a@x.example"),
                Field(0, severity: Severity.Warning, recipients: "d@x.example") with { Evidence = [] })));

        CollectionAssert.AreEqual(new[] { "b@x.example", "c@x.example", "d@x.example", "a@x.example" }, result.Findings.Select(f => f.Recipient).ToArray());
    }

    [TestMethod]
    public void The_first_fix_given_is_the_finding_s_fix()
    {
        AnalysisResult result = Run("Hi Jane,\n{{a}} {{b}}", _ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"),
            Field(9), Field(15) with { Fix = new RuleFix(15, 5, "Jane") }, Field(9, length: 5) with { Fix = new RuleFix(9, 5, "Ann") }));

        TextFix fix = result.Findings.Single().Fix!;
        Assert.AreEqual("Jane", fix.Replacement);
        Assert.AreEqual(15, fix.Start);
        Assert.AreEqual(5, fix.Length);
    }

    [TestMethod]
    public void Coverage_counts_the_checks_that_were_not_skipped()
    {
        AnalysisResult result = Run("Hi Jane,\nCould you look at my CV?",
            new ScriptedRule(_ => RuleOutcome.Passed(new Reason("personal-greeting/check.no-placeholder"))),
            new ScriptedRule(_ => RuleOutcome.Skipped(new Reason("personal-greeting/check.no-placeholder")), "listed-address"),
            new ScriptedRule(_ => RuleOutcome.Failed(new Reason("personal-greeting/check.no-placeholder"), Field(9, severity: Severity.Warning)), "no-automation"));

        Assert.AreEqual(2, result.Coverage.Checked);
        Assert.AreEqual(3, result.Coverage.Of);
        Assert.IsNotNull(result.Score);
    }

    [TestMethod]
    [DataRow("it", "it")]
    [DataRow("it-IT", "it")]
    [DataRow("IT", "it")]
    [DataRow("en-GB", "en")]
    [DataRow("i", "en")]
    [DataRow("", "en")]
    [DataRow(null, "en")]
    [DataRow("fr", "en")]
    public void The_reader_s_language_is_italian_only_when_asked_for(string? asked, string expected) =>
        Assert.AreEqual(expected, UiLanguages.Normalize(asked));
}

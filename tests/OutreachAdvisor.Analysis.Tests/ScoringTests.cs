using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests;

[TestClass]
public sealed class ScoringTests
{
    private static Finding F(string rule, Severity severity) => new() { Rule = rule, MessageId = rule + "/m", Severity = severity, Title = "t", Message = "m", Suggestion = "s" };

    [TestMethod]
    public void No_findings_is_a_perfect_score() => Assert.AreEqual(100, Scoring.Score([]));

    [TestMethod]
    public void Penalties_follow_severity_with_a_capped_extra_per_repeat()
    {
        Assert.AreEqual(85, Scoring.Score([F("a", Severity.Warning)]));
        Assert.AreEqual(70, Scoring.Score([F("a", Severity.Error)]));
        Assert.AreEqual(97, Scoring.Score([F("a", Severity.Info)]));
        Assert.AreEqual(80, Scoring.Score([F("a", Severity.Warning), F("a", Severity.Warning)]));
        Assert.AreEqual(70, Scoring.Score(Enumerable.Repeat(F("a", Severity.Warning), 10)), "a rule costs at most twice its worst finding");
        Assert.AreEqual(0, Scoring.Score(new[] { "a", "b", "c", "d" }.Select(r => F(r, Severity.Error))));
    }

    [TestMethod]
    public void More_or_worse_findings_never_raise_the_score()
    {
        var random = new Random(3);
        string[] rules = ["a", "b", "c"];
        Severity[] severities = [Severity.Info, Severity.Warning, Severity.Error];
        for (int trial = 0; trial < 500; trial++)
        {
            var findings = Enumerable.Range(0, random.Next(6)).Select(_ => F(rules[random.Next(3)], severities[random.Next(3)])).ToList();
            int before = Scoring.Score(findings);
            List<Finding> more = [.. findings, F(rules[random.Next(3)], severities[random.Next(3)])];
            Assert.IsLessThanOrEqualTo(before, Scoring.Score(more));
            if (findings.Count > 0)
            {
                int i = random.Next(findings.Count);
                List<Finding> worse = [.. findings];
                worse[i] = worse[i] with { Severity = Severity.Error };
                Assert.IsLessThanOrEqualTo(before, Scoring.Score(worse));
            }
        }
    }

    [TestMethod]
    public void Result_json_uses_the_contract_names_and_values()
    {
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Message("Dear _ __,\nCould you review my CV?"));
        string json = AnalysisJson.Serialize(result, indented: false);
        StringAssert.StartsWith(json, "{\"score\":");
        foreach (string part in new[] { "\"language\":\"en\"", "\"ask\":true", "\"findings\":[", "\"checks\":[", "\"severity\":\"error\"", "\"status\":\"failed\"", "\"recipient\":null", "\"evidence\":[{\"start\":0,\"length\":10,\"text\":\"Dear _ __,\"}]" })
            StringAssert.Contains(json, part);
        Assert.AreEqual(result.Score, AnalysisJson.DeserializeResult(json)!.Score);
    }

    [TestMethod]
    public void Request_json_reads_the_contract_example()
    {
        MessageInput message = AnalysisJson.DeserializeRequest("""
            { "from": { "name": "Ann Lee", "address": "ann@lee.example" },
              "to": [ { "name": "Jane Doe", "address": "jane@shape.example" } ], "cc": [], "bcc": [],
              "subject": "Quick question", "body": "<p>Dear _ __, ...</p>", "bodyFormat": "html",
              "foundAt": { "jane@shape.example": "https://janedoe.example/contact" } }
            """)!;
        Assert.AreEqual(BodyFormat.Html, message.BodyFormat);
        Assert.AreEqual("Jane Doe", message.To[0].Name);
        Assert.AreEqual("https://janedoe.example/contact", message.FoundAt!["jane@shape.example"]);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   \n\n  ")]
    [DataRow("<p>&nbsp;</p><br>")]
    public void An_empty_body_has_no_score_and_checks_nothing(string body)
    {
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Build.Message(body, format: body.StartsWith('<') ? BodyFormat.Html : BodyFormat.Text));
        Assert.IsNull(result.Score);
        Assert.AreEqual(new Coverage(0, 9), result.Coverage);
        Assert.IsEmpty(result.Findings);
        Assert.IsEmpty(result.ScoreBreakdown);
        Assert.IsTrue(result.Checks.All(c => c.Status == CheckStatus.Skipped && c.DetailId == "check/empty-body"));
    }

    [TestMethod]
    public void Rules_that_judge_recipients_are_skipped_when_a_recipient_header_could_not_be_read()
    {
        // Cc held text with no address in it: Marco is known, the others are not. right-recipient would fire
        // on the one left and private-channel would count one visible person: neither may judge a partial list.
        MessageInput message = Build.Message("Hi Marco,\nI loved your piece on river towns. Could you review my CV?", to: [Build.Marco]) with
        {
            UnreadableRecipientHeaders = ["Cc"],
        };

        AnalysisResult result = OutreachAnalyzer.Default.Analyze(message);

        string[] skipped = result.Checks.Where(c => c.DetailId == "check/recipients-unreadable").Select(c => c.Rule).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "engage-before-asking", "listed-address", "private-channel", "right-recipient" }, skipped);
        Assert.IsTrue(result.Checks.Where(c => skipped.Contains(c.Rule)).All(c => c.Status == CheckStatus.Skipped && c.Detail.Contains("Cc", StringComparison.Ordinal)));
        Assert.IsEmpty(result.Findings.Where(f => skipped.Contains(f.Rule)));
        Assert.AreEqual(new Coverage(5, 9), result.Coverage);
        // The text rules still run on the body.
        Assert.AreEqual(CheckStatus.Passed, result.Checks.Single(c => c.Rule == "personal-greeting").Status);
    }

    [TestMethod]
    public void A_partly_readable_recipient_header_turns_recipient_passes_into_skips_and_notes_failures()
    {
        // One address was read from To and a part of it was not: "one recipient" would be untrue.
        MessageInput alone = Build.Message("Hi Marco,\nI loved your piece on river towns. Could you review my CV?", to: [Build.Marco]) with
        {
            PartlyReadableRecipientHeaders = ["To"],
        };
        // Two people outside who can see each other were read: that is true whoever else was in To.
        MessageInput group = alone with { To = [Build.Marco, Build.Giulia] };

        AnalysisResult one = OutreachAnalyzer.Default.Analyze(alone);
        AnalysisResult two = OutreachAnalyzer.Default.Analyze(group, "it");

        RuleCheck privateAlone = one.Checks.Single(c => c.Rule == "private-channel");
        Assert.AreEqual(CheckStatus.Skipped, privateAlone.Status);
        Assert.AreEqual("check/recipients-partly-unchecked", privateAlone.DetailId);
        StringAssert.Contains(privateAlone.Detail, "header could not be read");
        RuleCheck privateGroup = two.Checks.Single(c => c.Rule == "private-channel");
        Assert.AreEqual(CheckStatus.Failed, privateGroup.Status);
        Assert.AreEqual("check/recipients-partly-readable", privateGroup.DetailId);
        StringAssert.Contains(privateGroup.Detail, "potrebbe mancare un destinatario");
        Assert.IsNotEmpty(two.Findings.Where(f => f.Rule == "private-channel"));
        // No recipient rule passes on a partial list; the text rules are untouched.
        string[] recipientRules = ["engage-before-asking", "listed-address", "private-channel", "right-recipient"];
        Assert.IsFalse(one.Checks.Any(c => recipientRules.Contains(c.Rule) && c.Status == CheckStatus.Passed));
        Assert.AreEqual(CheckStatus.Passed, one.Checks.Single(c => c.Rule == "personal-greeting").Status);
    }

    [TestMethod]
    public void The_marker_is_never_read_from_a_request_body()
    {
        MessageInput message = System.Text.Json.JsonSerializer.Deserialize(
            """{"to":[],"body":"Hi","unreadableRecipientHeaders":["To"]}""", OutreachAdvisor.Analysis.Json.AnalysisJsonContext.Default.MessageInput)!;
        Assert.IsEmpty(message.UnreadableRecipientHeaders);
    }

    [TestMethod]
    [DataRow("Bonjour Claire,\nJe me permets de vous écrire pour vous demander si vous auriez un peu de temps la semaine prochaine pour un café. Merci beaucoup pour votre aide.")]
    [DataRow("Hallo Frau Weber,\nich schreibe Ihnen, weil ich gerne Ihre Meinung zu meinem Projekt hören würde. Hätten Sie nächste Woche Zeit für ein kurzes Gespräch?")]
    public void A_language_that_is_not_checked_has_no_score_but_says_what_ran(string body)
    {
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Build.Message(body));
        Assert.IsNull(result.Score);
        Assert.IsLessThan(9, result.Coverage.Checked);
        Assert.AreEqual(result.Checks.Count(c => c.Status != CheckStatus.Skipped), result.Coverage.Checked);
    }

    [TestMethod]
    public void The_breakdown_adds_up_to_the_score()
    {
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(Build.Message("Dear _ __,\nCould you review my CV? Could you also introduce me to your editor?"));
        Assert.IsNotNull(result.Score);
        Assert.AreEqual(Math.Max(0, 100 + result.ScoreBreakdown.Sum(d => d.Points)), result.Score);
        Assert.IsTrue(result.ScoreBreakdown.All(d => d.Points < 0));
        CollectionAssert.AreEquivalent(result.Findings.Select(f => f.Rule).Distinct().ToArray(), result.ScoreBreakdown.Select(d => d.Rule).ToArray());
    }
}

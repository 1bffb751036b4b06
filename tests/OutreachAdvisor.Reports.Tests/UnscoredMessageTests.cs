using System.Text.Json;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Output;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>
/// Messages the analysis could not judge (score null: an empty body, a language it does not check) are
/// outreach, but in no score-derived number, and the report says how many there were.
/// </summary>
[TestClass]
public sealed class UnscoredMessageTests
{
    private const string German =
        "Hallo {0},\n\nich habe Ihren Artikel über ruhige Farbpaletten gelesen und würde mich sehr freuen, wenn wir nächste Woche kurz telefonieren könnten. " +
        "Hätten Sie vielleicht fünfzehn Minuten Zeit für ein Gespräch über meine Arbeit und Ihre Erfahrungen?\n\nViele Grüße\nAnn";

    private static TestMailbox Mailbox(bool withUnscored)
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 24; i++)
        {
            string person = $"p{i}@x{i}.example";
            string id = mailbox.Send(person, Day(3, 1 + i), i % 2 == 0 ? AskingBody : ThankingBody, $"Hello {i}");
            if (i % 3 == 0)
                mailbox.Receive(person, Day(3, 2 + i), conversation: id);
        }

        if (withUnscored)
        {
            // Both answered, both sent in the period: they count as outreach and replies, never as scores.
            string empty = mailbox.Send("empty@blank.example", Day(3, 10, 11), "   \n\n", "Empty body");
            mailbox.Receive("empty@blank.example", Day(3, 11), conversation: empty);
            string german = mailbox.Send("klaus@firma.example", Day(3, 12, 11), German, "Kurze Frage");
            mailbox.Receive("klaus@firma.example", Day(3, 13), conversation: german);
        }

        return mailbox;
    }

    [TestMethod]
    public async Task Unscored_messages_count_as_outreach_and_replies_but_in_no_score_number()
    {
        OutreachReport scoredOnly = await Mailbox(withUnscored: false).ReportAsync();
        OutreachReport report = await Mailbox(withUnscored: true).ReportAsync();

        Assert.AreEqual(2, report.UnscoredMessages);
        Assert.AreEqual(scoredOnly.OutreachMessages + 2, report.OutreachMessages);
        Assert.AreEqual(scoredOnly.Replied + 2, report.Replied);
        Assert.AreEqual(scoredOnly.AverageScore, report.AverageScore, "the average is over scored messages only");
        Assert.AreEqual(report.OutreachMessages - 2, report.ScoreBands.Sum(b => b.Messages), "score bands hold scored messages only");
        CollectionAssert.AreEqual(scoredOnly.ScoreBands.Select(b => b.Replied).ToArray(), report.ScoreBands.Select(b => b.Replied).ToArray());
        Assert.IsFalse(report.Weakest.Any(w => w.Subject is "Empty body" or "Kurze Frage"), "an unscored message is never among the weakest");
        Assert.AreEqual(scoredOnly.Weeks.Sum(w => w.OutreachMessages) + 2, report.Weeks.Sum(w => w.OutreachMessages), "weeks count every outreach message");

        // Per rule: every outreach message is fired, kept or skipped; the empty body is skipped by every rule.
        foreach (RuleReplyStats rule in report.Rules)
        {
            Assert.AreEqual(report.OutreachMessages, rule.Fired + rule.NotFired + rule.Skipped, rule.Rule);
            RuleReplyStats before = scoredOnly.Rules.Single(r => r.Rule == rule.Rule);
            Assert.IsGreaterThanOrEqualTo(before.Skipped + 1, rule.Skipped, rule.Rule);
        }

        // The adjusted model is fitted on the same judged messages with or without them.
        Assert.IsNotNull(report.AdjustedModel);
        Assert.AreEqual(scoredOnly.AdjustedModel!.Messages, report.AdjustedModel.Messages);
        Assert.IsLessThanOrEqualTo(report.OutreachMessages - 2, report.AdjustedModel.Messages);
    }

    [TestMethod]
    public async Task The_json_and_the_page_say_how_many_were_not_scored()
    {
        OutreachReport report = await Mailbox(withUnscored: true).ReportAsync();

        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        Assert.AreEqual(2, json.RootElement.GetProperty("unscoredMessages").GetInt32());
        StringAssert.Contains(ReportHtml.Render(report, "en"), $"2 of {report.OutreachMessages} outreach messages could not be scored");
        StringAssert.Contains(ReportHtml.Render(report, "it"), $"2 primi contatti su {report.OutreachMessages} non hanno un punteggio");

        OutreachReport none = await Mailbox(withUnscored: false).ReportAsync();
        Assert.AreEqual(0, none.UnscoredMessages);
        Assert.DoesNotContain("could not be scored", ReportHtml.Render(none, "en"));
    }
}

using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed class AggregationTests
{
    /// <summary>Seven asking messages (two replied) and five thank-you notes (four replied), over three ISO weeks.</summary>
    private static async Task<OutreachReport> MixedReportAsync()
    {
        var mailbox = new TestMailbox();
        int day = 2; // 2 March 2026 is the Monday of 2026-W10.
        for (int i = 0; i < 7; i++)
        {
            string sent = mailbox.Send($"asked{i}@far{i}.example", Day(3, day + i), AskingBody, $"Ask {i}");
            if (i < 2)
                mailbox.Receive($"asked{i}@far{i}.example", Day(3, day + i + 1), conversation: sent);
        }

        for (int i = 0; i < 5; i++)
        {
            string sent = mailbox.Send($"thanked{i}@near{i}.example", Day(3, 16 + i), ThankingBody, $"Thanks {i}");
            if (i < 4)
                mailbox.Receive($"thanked{i}@near{i}.example", Day(3, 17 + i), conversation: sent);
        }

        return await mailbox.ReportAsync();
    }

    [TestMethod]
    public async Task Totals_and_reply_rate()
    {
        OutreachReport report = await MixedReportAsync();

        Assert.AreEqual(12, report.SentMessages);
        Assert.AreEqual(12, report.OutreachMessages);
        Assert.AreEqual(6, report.Replied);
        Assert.AreEqual(0.5, report.ReplyRate);
        Assert.AreEqual(Math.Round(report.Weakest.Average(w => w.Score), 1), report.AverageScore);
    }

    [TestMethod]
    public async Task The_asking_text_breaks_mutual_benefit_and_the_thank_you_does_not()
    {
        OutreachReport report = await MixedReportAsync();
        RuleReplyStats mutual = report.Rules.Single(r => r.Rule == "mutual-benefit");

        Assert.AreEqual((7, 2, 5, 4, 0), (mutual.Fired, mutual.RepliedWhenFired, mutual.NotFired, mutual.RepliedWhenNotFired, mutual.Skipped));
        Assert.AreEqual(0.286, mutual.ReplyRateWhenFired);
        Assert.AreEqual(0.8, mutual.ReplyRateWhenNotFired);
        // Wilson 95% for 2 of 7 and 4 of 5; fewer than 10 either way is too few for a verdict.
        Assert.AreEqual(0.082, mutual.ReplyRateWhenFiredLow);
        Assert.AreEqual(0.641, mutual.ReplyRateWhenFiredHigh);
        Assert.AreEqual(0.376, mutual.ReplyRateWhenNotFiredLow);
        Assert.AreEqual(0.964, mutual.ReplyRateWhenNotFiredHigh);
        Assert.AreEqual(Verdicts.TooFew, mutual.Verdict);
    }

    [TestMethod]
    public async Task Per_rule_counts_match_the_messages_exactly()
    {
        OutreachReport report = await MixedReportAsync();

        Assert.HasCount(9, report.Rules);
        foreach (RuleReplyStats rule in report.Rules)
        {
            WeakMessage[] fired = report.Weakest.Where(w => w.Rules.Contains(rule.Rule)).ToArray();
            Assert.AreEqual(fired.Length, rule.Fired, rule.Rule);
            Assert.AreEqual(fired.Count(w => w.Replied), rule.RepliedWhenFired, rule.Rule);
            Assert.AreEqual(report.OutreachMessages, rule.Fired + rule.NotFired + rule.Skipped, rule.Rule);
            if (rule.Skipped == 0)
                Assert.AreEqual(report.Replied - rule.RepliedWhenFired, rule.RepliedWhenNotFired, rule.Rule);
        }
    }

    [TestMethod]
    public async Task Score_bands_count_every_message_once_with_their_replies()
    {
        OutreachReport report = await MixedReportAsync();

        CollectionAssert.AreEqual(new[] { "0-39", "40-59", "60-79", "80-100" }, report.ScoreBands.Select(b => b.Band).ToArray());
        foreach (ScoreBandStats band in report.ScoreBands)
        {
            WeakMessage[] inBand = report.Weakest.Where(w => w.Score >= band.Min && w.Score <= band.Max).ToArray();
            Assert.AreEqual(inBand.Length, band.Messages, band.Band);
            Assert.AreEqual(inBand.Count(w => w.Replied), band.Replied, band.Band);
        }

        Assert.AreEqual(12, report.ScoreBands.Sum(b => b.Messages));
    }

    [TestMethod]
    public async Task Weeks_are_iso_weeks_in_order()
    {
        OutreachReport report = await MixedReportAsync();

        // Asks on 2-8 March (W10: 2..8 -> 7 messages), thanks on 16-20 March (W12); the empty W11 is shown as zero.
        CollectionAssert.AreEqual(new[] { "2026-W10", "2026-W11", "2026-W12" }, report.Weeks.Select(w => w.Week).ToArray());
        Assert.AreEqual(7, report.Weeks[0].OutreachMessages);
        Assert.AreEqual(0, report.Weeks[1].OutreachMessages);
        Assert.IsNull(report.Weeks[1].AverageScore);
        Assert.AreEqual(2, report.Weeks[0].Replied);
        Assert.AreEqual(5, report.Weeks[2].OutreachMessages);
        Assert.AreEqual(4, report.Weeks[2].Replied);
    }

    [TestMethod]
    public void Iso_weeks_at_the_turn_of_the_year()
    {
        Assert.AreEqual("2026-W53", Aggregating.ReportAggregator.IsoWeek(new DateTime(2027, 1, 1)));
        Assert.AreEqual("2026-W01", Aggregating.ReportAggregator.IsoWeek(new DateTime(2026, 1, 1)));
    }

    [TestMethod]
    public async Task Weakest_are_lowest_score_first_then_oldest_and_at_most_the_count()
    {
        IReadOnlyList<WeakMessage> all = (await MixedReportAsync()).Weakest;
        for (int i = 1; i < all.Count; i++)
        {
            Assert.IsTrue(all[i - 1].Score < all[i].Score || (all[i - 1].Score == all[i].Score && all[i - 1].Sent <= all[i].Sent), $"position {i}");
        }

        var mailbox = new TestMailbox();
        for (int i = 0; i < 14; i++)
            mailbox.Send($"p{i}@x{i}.example", Day(3, 1 + i), i % 2 == 0 ? AskingBody : ThankingBody);
        IReadOnlyList<WeakMessage> ten = (await mailbox.ReportAsync(o => o with { WeakestCount = 10 })).Weakest;
        Assert.HasCount(10, ten);
        Assert.IsTrue(ten.All(w => w.Body is null));
    }

    [TestMethod]
    public async Task Bodies_are_kept_only_when_asked()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("jane@shape.example", Day(3, 1), AskingBody);

        OutreachReport without = await mailbox.ReportAsync();
        OutreachReport with = await mailbox.ReportAsync(o => o with { IncludeBodies = true });

        Assert.IsNull(without.Weakest.Single().Body);
        StringAssert.StartsWith(with.Weakest.Single().Body, "Hi Jane,");
        Assert.DoesNotContain("fifteen minutes", Output.ReportJson.Serialize(without));
    }

    [TestMethod]
    public async Task An_empty_mailbox_gives_an_empty_report()
    {
        OutreachReport report = await new TestMailbox().ReportAsync();

        Assert.AreEqual(0, report.OutreachMessages);
        Assert.AreEqual(0.0, report.ReplyRate);
        Assert.IsNull(report.AverageScore);
        Assert.IsEmpty(report.Weeks);
        Assert.IsTrue(report.Rules.All(r => r.ReplyRateWhenFired is null && r.ReplyRateWhenNotFired is null));
    }
}

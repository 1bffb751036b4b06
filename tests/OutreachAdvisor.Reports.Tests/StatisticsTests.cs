using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Wilson intervals on every rate, the habits beyond the rules, verdicts and adjusted effects.</summary>
[TestClass]
public sealed class StatisticsTests
{
    [TestMethod]
    public async Task Every_rate_has_a_wilson_interval_around_it()
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 20; i++)
        {
            string person = $"p{i}@x{i}.example";
            string id = mailbox.Send(person, Day(3, 1 + i), i % 2 == 0 ? AskingBody : ThankingBody, $"Hello {i}");
            if (i % 3 == 0)
                mailbox.Receive(person, Day(3, 2 + i), conversation: id);
        }

        OutreachReport report = await mailbox.ReportAsync();

        Assert.IsTrue(report.ReplyRateLow < report.ReplyRate && report.ReplyRate < report.ReplyRateHigh);
        foreach (ScoreBandStats band in report.ScoreBands.Where(b => b.Messages > 0))
            Assert.IsTrue(band.ReplyRateLow <= band.ReplyRate && band.ReplyRate <= band.ReplyRateHigh, band.Band);
        foreach (FeatureStats feature in report.Features)
        {
            foreach (FeatureBand band in feature.Bands.Where(b => b.Messages > 0))
                Assert.IsTrue(band.ReplyRateLow <= band.ReplyRate && band.ReplyRate <= band.ReplyRateHigh, feature.Feature + " " + band.Band);
        }

        CollectionAssert.AreEquivalent(new[] { "length", "questions", "readingEase", "subjectLength", "weekday", "hour", "followedUp" }, report.Features.Select(f => f.Feature).ToArray());
        Assert.IsTrue(report.Features.Single(f => f.Feature == "length").Published.Count > 0);
    }

    [TestMethod]
    public async Task A_rule_that_goes_with_silence_over_many_messages_costs_replies_and_a_small_sample_is_too_few()
    {
        var mailbox = new TestMailbox();
        // 60 asks without an offer (mutual-benefit fires): 3 answered; 60 thank-yous: 40 answered.
        for (int i = 0; i < 120; i++)
        {
            string person = $"p{i}@x{i}.example";
            bool asking = i < 60;
            string id = mailbox.Send(person, Day(1, 1).AddHours(i * 5), asking ? AskingBody : ThankingBody, $"Hello {i}");
            if ((asking && i % 20 == 0) || (!asking && i % 3 != 0))
                mailbox.Receive(person, Day(1, 1).AddHours((i * 5) + 2), conversation: id);
        }

        OutreachReport report = await mailbox.ReportAsync();
        RuleReplyStats mutual = report.Rules.Single(r => r.Rule == "mutual-benefit");

        // The raw difference clearly excludes zero. The asking text breaks several rules at once, so the
        // model cannot tell them apart: the verdict says costs-replies only if the adjusted interval excludes 1 too.
        Assert.IsTrue(mutual.DifferenceHigh < 0, $"{mutual.Difference} ({mutual.DifferenceLow} to {mutual.DifferenceHigh})");
        Assert.IsNotNull(mutual.AdjustedEffect);
        Assert.IsNotNull(report.AdjustedModel);
        Assert.AreEqual(mutual.AdjustedEffectHigh < 1 ? Verdicts.CostsReplies : Verdicts.NoClearEffect, mutual.Verdict);

        OutreachReport small = await (await SmallMailboxAsync()).ReportAsync();
        Assert.AreEqual(Verdicts.TooFew, small.Rules.Single(r => r.Rule == "mutual-benefit").Verdict);
    }

    private static Task<TestMailbox> SmallMailboxAsync()
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 4; i++)
            mailbox.Send($"p{i}@x{i}.example", Day(3, 1 + i), AskingBody);
        return Task.FromResult(mailbox);
    }
}

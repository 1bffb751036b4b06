using OutreachAdvisor.Reports.Benchmarks;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Templates;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Issue 12: templates with slots, honest statistics, habits, follow-ups, carried-over outreach, and the page.</summary>
[TestClass]
public sealed class Issue12Tests
{
    private const string Slotted =
        "Hi {0},\n\nI loved your piece on calm colour palettes. I am a designer at a small studio that works on wellness apps. " +
        "Would you have 15 minutes for a call {1}? I would be happy to share our survey of {2} people in return.\n\nBest,\nAnn";

    [TestMethod]
    public async Task A_campaign_whose_copies_differ_in_name_and_a_slot_is_one_template()
    {
        var mailbox = new TestMailbox();
        string[] people = ["jane@shape.example", "marco@studio.example", "paolo@galleria.example", "lucy@press.example", "omar@radio.example"];
        string[] when = ["next week", "this week", "on Friday", "on Monday", "before the summer"];
        for (int i = 0; i < people.Length; i++)
            mailbox.Send(people[i], Day(3, 2 + i), Slotted.Replace("{1}", when[i], StringComparison.Ordinal).Replace("{2}", (100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), "Quick question");

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(5, report.Templates.Single().Messages);
    }

    [TestMethod]
    public void The_template_benchmark_meets_its_floors_in_both_languages()
    {
        var sketcher = new TemplateSketcher();
        foreach (string language in new[] { "en", "it" })
        {
            List<CorpusMessage> corpus = CampaignCorpus.Generate(4000, language, seed: 7);
            SketchStore store = TemplateBenchmark.Sketch(corpus, sketcher);
            TemplateBenchmark.Score score = TemplateBenchmark.Evaluate(corpus, new TemplateClusterer().Cluster(store, Enumerable.Range(0, corpus.Count).ToArray()));
            Assert.IsGreaterThanOrEqualTo(0.95, score.Recall, language);
            Assert.IsGreaterThanOrEqualTo(0.99, score.Precision, language);
        }
    }

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

    [TestMethod]
    public async Task Follow_ups_list_cold_outreach_4_to_14_days_old_with_no_reply_and_no_follow_up()
    {
        // The report's clock is 1 June 2026 12:00.
        var mailbox = new TestMailbox();
        mailbox.Send("due@a.example", Day(5, 25), AskingBody, "Due");
        mailbox.Send("recent@b.example", Day(5, 30), AskingBody, "Too recent");
        mailbox.Send("old@c.example", Day(5, 1), AskingBody, "Too old");
        string answered = mailbox.Send("answered@d.example", Day(5, 24), AskingBody, "Answered");
        mailbox.Receive("answered@d.example", Day(5, 26), conversation: answered);
        string chased = mailbox.Send("chased@e.example", Day(5, 23), AskingBody, "Chased");
        mailbox.Send("chased@e.example", Day(5, 28), "Hi again, just bumping this.", "Re: Chased", conversation: chased);

        OutreachReport report = await mailbox.ReportAsync();

        FollowUp due = report.FollowUps.Single();
        Assert.AreEqual("due@a.example", due.To);
        Assert.AreEqual("Due", due.Subject);
        Assert.AreEqual(7, due.DaysAgo);
        Assert.AreEqual("yes", report.Features.Single(f => f.Feature == "followedUp").Bands.Single(b => b.Messages > 0 && b.Band == "yes").Band);
    }

    [TestMethod]
    public async Task A_reply_this_week_to_last_weeks_outreach_is_credited_through_the_carried_state()
    {
        var lastWeek = new TestMailbox();
        string id = lastWeek.Send("jane@shape.example", Day(5, 20), AskingBody, "Coffee?");
        ReportRun first = await new ReportEngine(new ReportOptions { Me = Me, Since = Day(5, 18, 0), Clock = new FixedClock() }).RunAsync(lastWeek, previous: null);
        Assert.AreEqual(0, first.Report.Replied);
        Assert.HasCount(1, first.NextState.Open);

        // This week's delta holds only the reply.
        var thisWeek = new TestMailbox();
        thisWeek.Receive("jane@shape.example", Day(5, 27), conversation: id);
        ReportRun second = await new ReportEngine(new ReportOptions { Me = Me, Since = Day(5, 25, 0), Clock = new FixedClock() }).RunAsync(thisWeek, first.NextState);

        Assert.AreEqual(new CarriedOver(1, 1, 0), second.Report.CarriedOver);
        Assert.IsEmpty(second.NextState.Open);
        Assert.IsEmpty(second.Report.FollowUps);
    }

    [TestMethod]
    public async Task Sources_skip_counts_reach_the_report()
    {
        var mailbox = new SkippingMailbox();
        mailbox.Send("jane@shape.example", Day(3, 2), AskingBody);

        OutreachReport report = await new ReportEngine(new ReportOptions { Me = Me, Clock = new FixedClock() }).RunAsync(mailbox);

        Assert.AreEqual(3, report.Skipped["no-sender"]);
        Assert.AreEqual(1, report.DateSources["date"]);
    }

    [TestMethod]
    public async Task The_page_fits_a_phone_and_shows_intervals_verdicts_features_and_follow_ups()
    {
        var mailbox = new TestMailbox();
        for (int i = 0; i < 12; i++)
            mailbox.Send($"p{i}@x{i}.example", Day(5, 19 + (i % 5)), AskingBody, $"Hello {i}");

        OutreachReport report = await mailbox.ReportAsync();
        foreach (string language in new[] { "en", "it" })
        {
            string html = Output.ReportHtml.Render(report, language);
            Assert.DoesNotContain("min-width: 520px", html);
            StringAssert.Contains(html, "class=\"whisker\"");
            StringAssert.Contains(html, "class=\"verdict");
            StringAssert.Contains(html, language == "it" ? "Dato pubblicato altrove" : "Published elsewhere");
            StringAssert.Contains(html, language == "it" ? "Un solo sollecito" : "Follow up once");
        }
    }

    private sealed class SkippingMailbox : IReportMailSource
    {
        private readonly TestMailbox _inner = new();

        public string Name => "test";

        public IReadOnlyDictionary<string, int> Skipped { get; } = new Dictionary<string, int> { ["no-sender"] = 3 };

        public void Send(string to, DateTimeOffset date, string body) => _inner.Send(to, date, body);

        public IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken) => _inner.ReadAsync(since, cancellationToken);
    }
}

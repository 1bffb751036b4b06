using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed class OutreachDetectionTests
{
    [TestMethod]
    public async Task A_first_message_to_a_stranger_is_outreach()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("jane@shape.example", Day(3, 2), AskingBody, "Quick question");

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(1, report.SentMessages);
        Assert.AreEqual(1, report.OutreachMessages);
        Assert.AreEqual("Quick question", report.Weakest.Single().Subject);
        Assert.AreEqual("jane@shape.example", report.Weakest.Single().To);
    }

    [TestMethod]
    public async Task A_reply_in_a_thread_the_other_person_started_is_not_outreach()
    {
        var mailbox = new TestMailbox();
        string theirs = mailbox.Receive("marco@studio.example", Day(3, 2), subject: "Your talk");
        mailbox.Send("marco@studio.example", Day(3, 3), AskingBody, "Re: Your talk", conversation: theirs);

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(1, report.SentMessages);
        Assert.AreEqual(0, report.OutreachMessages);
    }

    [TestMethod]
    public async Task A_new_thread_to_someone_who_wrote_before_is_not_outreach()
    {
        var mailbox = new TestMailbox();
        mailbox.Receive("marco@studio.example", Day(1, 10), subject: "Hello from Marco");
        mailbox.Send("marco@studio.example", Day(3, 3), AskingBody, "A new idea");

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(0, report.OutreachMessages);
    }

    [TestMethod]
    public async Task Contact_is_earlier_only_if_strictly_before_the_message()
    {
        var mailbox = new TestMailbox();
        mailbox.Receive("marco@studio.example", Day(3, 3, hour: 9), subject: "Crossed in the post");
        mailbox.Send("marco@studio.example", Day(3, 3, hour: 9), AskingBody, "A new idea");

        Assert.AreEqual(1, (await mailbox.ReportAsync()).OutreachMessages);
    }

    [TestMethod]
    public async Task A_follow_up_in_the_same_thread_is_not_a_new_outreach()
    {
        var mailbox = new TestMailbox();
        string first = mailbox.Send("jane@shape.example", Day(4, 7), AskingBody, "Your piece");
        mailbox.Send("jane@shape.example", Day(4, 21), AskingBody, "Re: Your piece", conversation: first);

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(2, report.SentMessages);
        Assert.AreEqual(1, report.OutreachMessages);
        Assert.AreEqual("Your piece", report.Weakest.Single().Subject);
    }

    [TestMethod]
    public async Task Mail_to_colleagues_is_not_outreach()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("tom@lee.example", Day(2, 10), AskingBody, "Design review");

        Assert.AreEqual(0, (await mailbox.ReportAsync()).OutreachMessages);
    }

    [TestMethod]
    public async Task One_cold_recipient_is_enough_and_the_message_counts_once()
    {
        var mailbox = new TestMailbox();
        mailbox.Receive("marco@studio.example", Day(1, 10), subject: "Hi");
        mailbox.Send("marco@studio.example", Day(3, 3), AskingBody, "Meet Jane", cc: "jane@shape.example");

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(1, report.OutreachMessages);
    }

    [TestMethod]
    public async Task Mail_before_since_is_history_it_is_neither_counted_nor_outreach_but_still_prior_contact()
    {
        var mailbox = new TestMailbox();
        mailbox.Receive("marco@studio.example", Day(1, 10), subject: "Hi");
        mailbox.Send("old@stranger.example", Day(1, 12), AskingBody, "Old outreach");
        mailbox.Send("marco@studio.example", Day(3, 3), AskingBody, "A new idea");
        mailbox.Send("jane@shape.example", Day(3, 4), AskingBody, "Quick question");

        OutreachReport report = await mailbox.ReportAsync(o => o with { Since = Day(3, 1, hour: 0) });

        Assert.AreEqual(2, report.SentMessages);
        Assert.AreEqual(1, report.OutreachMessages);
        Assert.AreEqual("Quick question", report.Weakest.Single().Subject);
        Assert.AreEqual(new DateOnly(2026, 3, 1), report.From);
    }

    [TestMethod]
    public async Task The_order_of_the_stream_does_not_change_the_report()
    {
        var forward = new TestMailbox();
        Populate(forward);
        string report = Output.ReportJson.Serialize(await forward.ReportAsync());

        var shuffled = new ShuffledSource(forward.Messages, seed: 7);
        var options = new ReportOptions { Me = Me, WeakestCount = 1000, Clock = new FixedClock(), Parallelism = 3 };
        string again = Output.ReportJson.Serialize(await new ReportEngine(options).RunAsync(shuffled));

        Assert.AreEqual(report, again);
    }

    private static void Populate(TestMailbox mailbox)
    {
        for (int i = 0; i < 12; i++)
        {
            string sent = mailbox.Send($"person{i}@far{i}.example", Day(3, 1 + i), i % 2 == 0 ? AskingBody : ThankingBody, $"Hello {i}");
            if (i % 3 == 0)
                mailbox.Receive($"person{i}@far{i}.example", Day(3, 2 + i), conversation: sent);
        }
    }

    private sealed class ShuffledSource(IReadOnlyList<ReportMail> messages, int seed) : IReportMailSource
    {
        public string Name => "test";

        public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var random = new Random(seed);
            foreach (ReportMail? message in messages.OrderBy(_ => random.Next()))
                yield return message;
            await Task.CompletedTask;
        }
    }
}

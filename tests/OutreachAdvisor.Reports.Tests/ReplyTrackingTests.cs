using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed class ReplyTrackingTests
{
    [TestMethod]
    public async Task A_later_message_in_the_same_thread_is_a_reply_however_late()
    {
        var mailbox = new TestMailbox();
        string sent = mailbox.Send("jane@shape.example", Day(1, 5), AskingBody);
        mailbox.Receive("jane@shape.example", Day(4, 20), conversation: sent);

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(1, report.Replied);
        Assert.AreEqual(1.0, report.ReplyRate);
        Assert.IsTrue(report.Weakest.Single().Replied);
    }

    [TestMethod]
    public async Task A_message_from_the_recipient_in_another_thread_within_the_window_is_a_reply()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("jane@shape.example", Day(3, 1), AskingBody);
        mailbox.Receive("jane@shape.example", Day(3, 25), subject: "About your mail");

        Assert.AreEqual(1, (await mailbox.ReportAsync()).Replied);
    }

    [TestMethod]
    public async Task A_message_from_the_recipient_after_the_window_is_not_a_reply()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("jane@shape.example", Day(3, 1), AskingBody);
        mailbox.Receive("jane@shape.example", Day(4, 5), subject: "Unrelated, five weeks later");

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(1, report.OutreachMessages);
        Assert.AreEqual(0, report.Replied);
        Assert.AreEqual(0.0, report.ReplyRate);
    }

    [TestMethod]
    public async Task The_window_is_an_option()
    {
        var mailbox = new TestMailbox();
        mailbox.Send("jane@shape.example", Day(3, 1), AskingBody);
        mailbox.Receive("jane@shape.example", Day(4, 5), subject: "Five weeks later");

        OutreachReport report = await mailbox.ReportAsync(o => o with { ReplyWindow = TimeSpan.FromDays(40) });

        Assert.AreEqual(1, report.Replied);
        Assert.AreEqual(40, report.ReplyWindowDays);
    }

    [TestMethod]
    public async Task Someone_else_answering_in_the_thread_is_not_a_reply_from_the_recipient()
    {
        var mailbox = new TestMailbox();
        string sent = mailbox.Send("jane@shape.example", Day(3, 1), AskingBody);
        mailbox.Receive("assistant@shape.example", Day(3, 2), conversation: sent);

        Assert.AreEqual(0, (await mailbox.ReportAsync()).Replied);
    }

    [TestMethod]
    public async Task A_message_from_the_recipient_before_the_outreach_is_not_a_reply()
    {
        var mailbox = new TestMailbox();
        string sent = mailbox.Send("jane@shape.example", Day(3, 10), AskingBody);
        // Same thread id but older: the thread did not start with Ann's message, so it is not outreach at all.
        mailbox.Receive("jane@shape.example", Day(3, 9), conversation: sent);

        OutreachReport report = await mailbox.ReportAsync();

        Assert.AreEqual(0, report.OutreachMessages);
        Assert.AreEqual(0, report.Replied);
    }
}

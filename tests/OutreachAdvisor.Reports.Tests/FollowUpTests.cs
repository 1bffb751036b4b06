using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Cold outreach waiting for a follow-up.</summary>
[TestClass]
public sealed class FollowUpTests
{
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
}

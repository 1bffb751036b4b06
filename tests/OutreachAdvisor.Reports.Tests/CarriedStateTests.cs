using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Weekly reports: open outreach handed from one report to the next.</summary>
[TestClass]
public sealed class CarriedStateTests
{
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
}

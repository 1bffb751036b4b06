using OutreachAdvisor.Reports.Model;
using static OutreachAdvisor.Reports.Tests.TestMailbox;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>Every message read is accounted for: what sources skipped reaches the report.</summary>
[TestClass]
public sealed class AccountingTests
{
    [TestMethod]
    public async Task Sources_skip_counts_reach_the_report()
    {
        var mailbox = new SkippingMailbox();
        mailbox.Send("jane@shape.example", Day(3, 2), AskingBody);

        OutreachReport report = await new ReportEngine(new ReportOptions { Me = Me, Clock = new FixedClock() }).RunAsync(mailbox);

        Assert.AreEqual(3, report.Skipped["no-sender"]);
        Assert.AreEqual(1, report.DateSources["date"]);
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

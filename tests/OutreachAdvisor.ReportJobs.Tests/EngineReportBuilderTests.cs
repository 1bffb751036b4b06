using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>The queue job's builder runs the real report engine over the job's mail source.</summary>
[TestClass]
public sealed class EngineReportBuilderTests
{
    private sealed class InMemorySource(string? owner, params ReportMail[] mail) : IReportMailSource
    {
        public string Name => "memory";

        public Task<string?> FindOwnerAddressAsync(CancellationToken cancellationToken) => Task.FromResult(owner);

        public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            foreach (ReportMail item in mail)
            {
                await Task.Yield();
                yield return item;
            }
        }
    }

    private static readonly EmailAddress Ann = new("Ann Lee", "ann@lee.example");
    private static readonly EmailAddress Jane = new("Jane Doe", "jane@shape.example");

    private static ReportJob Job(string language = "en") => ReportJob.Create(new ReportOwner(Guid.NewGuid(), Guid.NewGuid()), new DateOnly(2026, 1, 1), includeBodies: false, "key:test") with { Language = language };

    private static ReportMail[] ColdAskAndReply() =>
    [
        new() { Id = "<1@lee.example>", ConversationId = "c1", From = Ann, To = [Jane], Subject = "Quick question", Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), Body = "Dear _ __,\nCould you review my CV?" },
        new() { Id = "<2@shape.example>", ConversationId = "c1", From = Jane, To = [Ann], Subject = "Re: Quick question", Date = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero) },
    ];

    [TestMethod]
    public async Task Builds_the_report_json_page_and_summary_from_the_source()
    {
        BuiltReport built = await new EngineReportBuilder().BuildAsync(Job(), new InMemorySource("ann@lee.example", ColdAskAndReply()), previous: null, CancellationToken.None);

        JsonNode report = JsonNode.Parse(built.Json)!;
        Assert.AreEqual("ann@lee.example", report["me"]!.GetValue<string>());
        Assert.AreEqual(1, report["outreachMessages"]!.GetValue<int>());
        Assert.AreEqual(1, report["replied"]!.GetValue<int>());
        Assert.AreEqual(new ReportSummary(1, 1, 1, 1.0, built.Summary.AverageScore), built.Summary);
        StringAssert.Contains(built.Html, "<html");
        Assert.DoesNotContain("Could you review my CV", built.Json + built.Html, "no bodies unless asked");
    }

    [TestMethod]
    public async Task Writes_the_page_in_the_jobs_language()
    {
        BuiltReport built = await new EngineReportBuilder().BuildAsync(Job("it"), new InMemorySource("ann@lee.example", ColdAskAndReply()), previous: null, CancellationToken.None);
        StringAssert.Contains(built.Html, "lang=\"it\"");
    }

    [TestMethod]
    public async Task A_source_that_cannot_name_its_owner_counts_nothing_as_sent()
    {
        BuiltReport built = await new EngineReportBuilder().BuildAsync(Job(), new InMemorySource(null, ColdAskAndReply()), previous: null, CancellationToken.None);
        Assert.AreEqual(0, built.Summary.SentMessages);
    }
}

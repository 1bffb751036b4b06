using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Reports;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>
/// Issue 12 item 7, against Azurite: weekly jobs built from one week's delta each, with the real report
/// engine, hand the owner's open outreach from one job to the next through the state blob.
/// </summary>
[TestClass]
public sealed class CarriedStateJobTests : ReportHostTests
{
    private const string AskBody = "Hi Jane,\n\nCould you spare fifteen minutes for a call next week? I would love your advice on my portfolio.\n\nAnn";

    private static readonly EmailAddress AnnAddress = new("Ann Lee", FakeMailSources.Me);
    private static readonly EmailAddress Jane = new("Jane Doe", "jane@shape.example");

    // The engine's clock is the real one: the weeks are the last two, so last week's outreach is still open.
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly LastWeek = Today.AddDays(-14), ThisWeek = Today.AddDays(-7);

    /// <summary>Each job's mail is what a Graph delta round would return for its week: last week the ask, this week only the reply.</summary>
    private sealed class WeeklyDeltas : IReportMailSourceFactory
    {
        public int Commits { get; private set; }

        public ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken)
        {
            DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
            ReportMail[] mail = job.Since == LastWeek
                ? [new() { Id = "ask-1", ConversationId = "conv-1", From = AnnAddress, To = [Jane], Subject = "Coffee?", Date = At(LastWeek.AddDays(2), 9), Body = AskBody }]
                : [new() { Id = "reply-1", ConversationId = "conv-1", From = Jane, To = [AnnAddress], Subject = "Re: Coffee?", Date = At(ThisWeek.AddDays(2), 10) }];
            return ValueTask.FromResult(new ReportMailSession(new Source(mail), _ =>
            {
                Commits++;
                return Task.CompletedTask;
            }));
        }

        private sealed class Source(ReportMail[] mail) : IReportMailSource
        {
            public string Name => "graph";

            public Task<string?> FindOwnerAddressAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(FakeMailSources.Me);

            public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
            {
                foreach (ReportMail item in mail)
                {
                    await Task.Yield();
                    yield return item;
                }
            }
        }
    }

    private async Task<JsonNode> RunWeekAsync(ReportJobRunner runner, DateOnly since, string week)
    {
        var job = ReportJob.Create(new ReportOwner(ReportTestHost.Tenant, Ann), since, includeBodies: false, week, ReportJob.WeeklyTrigger);
        (ReportRecord record, _) = await host.Jobs.SubmitAsync(job, CancellationToken.None);
        Assert.AreEqual(ReportRunOutcome.Done, await runner.RunAsync(job.ToJson(), "message-" + week, 1, CancellationToken.None));
        return JsonNode.Parse((await host.Store.ReadTextAsync(record.JsonBlobName, CancellationToken.None))!)!;
    }

    [TestMethod]
    public async Task A_reply_this_week_to_last_weeks_outreach_is_counted_through_the_stored_state()
    {
        var deltas = new WeeklyDeltas();
        var runner = new ReportJobRunner(host.Store, deltas, new EngineReportBuilder(), time: host.Clock, states: host.States);
        string owner = $"{ReportTestHost.Tenant:D}.{Ann:D}";

        JsonNode first = await RunWeekAsync(runner, LastWeek, "weekly-1");
        Assert.AreEqual(1, first["outreachMessages"]!.GetValue<int>());
        Assert.AreEqual(0, first["replied"]!.GetValue<int>());
        OutreachState? stored = await host.States.LoadAsync(owner, CancellationToken.None);
        Assert.IsNotNull(stored, "the commit step saves the state with the delta links");
        Assert.HasCount(1, stored.Open);
        Assert.AreEqual("jane@shape.example", stored.Open[0].To.Single());

        // The stored state is compact and holds no body.
        string blob = (await host.Store.ReadTextAsync(BlobOutreachStateStore.NameFor(owner), CancellationToken.None))!;
        Assert.DoesNotContain("fifteen minutes", blob);

        JsonNode second = await RunWeekAsync(runner, ThisWeek, "weekly-2");
        JsonNode carried = second["carriedOver"]!;
        Assert.AreEqual(1, carried["outreachMessages"]!.GetValue<int>());
        Assert.AreEqual(1, carried["replied"]!.GetValue<int>(), "the reply this week credits last week's outreach");
        Assert.AreEqual(0, second["outreachMessages"]!.GetValue<int>(), "a reply is not new outreach");
        Assert.IsEmpty((await host.States.LoadAsync(owner, CancellationToken.None))!.Open, "answered outreach is no longer open");
        Assert.AreEqual(2, deltas.Commits);
    }

    [TestMethod]
    public async Task Without_the_stored_state_this_weeks_reply_credits_nothing()
    {
        var runner = new ReportJobRunner(host.Store, new WeeklyDeltas(), new EngineReportBuilder(), time: host.Clock);

        await RunWeekAsync(runner, LastWeek, "weekly-1");
        JsonNode second = await RunWeekAsync(runner, ThisWeek, "weekly-2");

        Assert.IsNull(second["carriedOver"]);
        Assert.AreEqual(0, second["replied"]!.GetValue<int>());
    }
}

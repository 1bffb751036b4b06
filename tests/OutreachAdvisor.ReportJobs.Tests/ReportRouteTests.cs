using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Api.Reports;
using OutreachAdvisor.Functions;
using OutreachAdvisor.Graph.SentItems;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>The GET routes (owner only), the list, the HTML page, the weekly opt-in and timer, and the 501 without storage.</summary>
[TestClass]
public sealed class ReportRouteTests : ReportHostTests
{
    private static readonly Guid Cid = Guid.Parse("abcdefab-cdef-abcd-efab-cdefabcdefab");

    /// <summary>Posts for the user and runs the job to done; returns the id.</summary>
    private async Task<string> DoneReportAsync(Guid user, string key = "k1")
    {
        DefaultHttpContext post = await host.PostAsync(user, key: key);
        string id = Http.Json(post)["id"]!.GetValue<string>();
        foreach (QueueMessage message in await host.ReceiveAsync())
            await host.Functions.RunJobAsync(message, CancellationToken.None);
        return id;
    }

    private async Task<Microsoft.AspNetCore.Http.DefaultHttpContext> GetAsync(string path, string? authorization, string? id = null, bool html = false)
    {
        DefaultHttpContext context = Http.Request("GET", path, authorization);
        if (id is null)
            await host.Functions.ListAsync(context.Request);
        else if (html)
            await host.Functions.GetHtmlAsync(context.Request, id);
        else
            await host.Functions.GetAsync(context.Request, id);
        return context;
    }

    [TestMethod]
    public async Task The_functions_report_routes_are_limited_per_signed_in_user()
    {
        await using ReportTestHost limited = await ReportTestHost.StartAsync(await OpenIdServer.Value, reportsPerMinute: 2);
        int[] ann = [(await limited.PostAsync(Ann, key: "a1")).Response.StatusCode, (await limited.PostAsync(Ann, key: "a2")).Response.StatusCode];
        DefaultHttpContext refused = await limited.PostAsync(Ann, key: "a3");
        DefaultHttpContext bob = await limited.PostAsync(Bob, key: "b1");

        CollectionAssert.AreEqual(new[] { 202, 202 }, ann);
        Assert.AreEqual(429, refused.Response.StatusCode);
        Assert.IsGreaterThan(0, int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        StringAssert.StartsWith(refused.Response.ContentType, "application/problem+json");
        Assert.AreEqual(202, bob.Response.StatusCode, "another user's budget is their own");
    }

    [TestMethod]
    public async Task The_owner_gets_the_status_then_the_report_json()
    {
        DefaultHttpContext post = await host.PostAsync(Ann, key: "k1");
        string id = Http.Json(post)["id"]!.GetValue<string>();

        DefaultHttpContext queued = await GetAsync($"/api/reports/{id}", host.Token(Ann), id);
        Assert.AreEqual(200, queued.Response.StatusCode);
        Assert.AreEqual("queued", Http.Json(queued)["status"]!.GetValue<string>());
        Assert.AreEqual("5", queued.Response.Headers.RetryAfter.ToString());

        foreach (QueueMessage message in await host.ReceiveAsync())
            await host.Functions.RunJobAsync(message, CancellationToken.None);

        DefaultHttpContext done = await GetAsync($"/api/reports/{id}", host.Token(Ann), id);
        Assert.AreEqual(200, done.Response.StatusCode);
        Assert.AreEqual("application/json; charset=utf-8", done.Response.ContentType);
        Assert.AreEqual("private, no-store", done.Response.Headers.CacheControl.ToString());
        JsonNode report = Http.Json(done);
        Assert.AreEqual(3, report["sentMessages"]!.GetValue<int>());
        Assert.AreEqual("ann@lee.example", report["me"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task Another_user_gets_404_like_for_an_unknown_id()
    {
        string id = await DoneReportAsync(Ann);

        DefaultHttpContext other = await GetAsync($"/api/reports/{id}", host.Token(Bob), id);
        DefaultHttpContext unknown = await GetAsync("/api/reports/0123456789abcdef0123456789abcdef", host.Token(Ann), "0123456789abcdef0123456789abcdef");
        DefaultHttpContext malformed = await GetAsync("/api/reports/..%2F..%2Fx", host.Token(Ann), "../../x");
        DefaultHttpContext otherHtml = await GetAsync($"/api/reports/{id}/html", host.Token(Bob), id, html: true);

        foreach (DefaultHttpContext? context in new[] { other, unknown, malformed, otherHtml })
        {
            Assert.AreEqual(404, context.Response.StatusCode);
            Assert.AreEqual("application/problem+json", context.Response.ContentType);
            Assert.AreEqual("No report with this id.", Http.Json(context)["detail"]!.GetValue<string>());
        }
    }

    [TestMethod]
    public async Task Without_a_valid_token_every_route_gets_a_401_problem()
    {
        string id = await DoneReportAsync(Ann);
        DefaultHttpContext[] contexts = new[]
        {
            Http.Request("POST", "/api/reports", null, "{}"),
            Http.Request("GET", "/api/reports", null),
            Http.Request("GET", $"/api/reports/{id}", null),
            Http.Request("GET", $"/api/reports/{id}/html", "Bearer not-a-token"),
            Http.Request("POST", "/api/reports/schedule", null, """{ "weekly": true }"""),
        };
        await host.Functions.CreateAsync(contexts[0].Request);
        await host.Functions.ListAsync(contexts[1].Request);
        await host.Functions.GetAsync(contexts[2].Request, id);
        await host.Functions.GetHtmlAsync(contexts[3].Request, id);
        await host.Functions.ScheduleAsync(contexts[4].Request);

        foreach (DefaultHttpContext? context in contexts)
        {
            Assert.AreEqual(401, context.Response.StatusCode, context.Request.Path);
            Assert.AreEqual("application/problem+json", context.Response.ContentType);
            Assert.AreEqual("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
        }
        StringAssert.Contains(Http.Json(contexts[0])["detail"]!.GetValue<string>(), "no bearer token");
        Assert.IsEmpty(await host.ReceiveAsync(), "nothing was queued");
    }

    [TestMethod]
    public async Task The_html_page_is_text_html_under_a_strict_content_security_policy()
    {
        string id = await DoneReportAsync(Ann);

        DefaultHttpContext page = await GetAsync($"/api/reports/{id}/html", host.Token(Ann), id, html: true);

        Assert.AreEqual(200, page.Response.StatusCode);
        Assert.AreEqual("text/html; charset=utf-8", page.Response.ContentType);
        Assert.AreEqual("default-src 'none'; style-src 'unsafe-inline'; img-src data:", page.Response.Headers.ContentSecurityPolicy.ToString());
        Assert.AreEqual("nosniff", page.Response.Headers.XContentTypeOptions.ToString());
        StringAssert.StartsWith(Http.Text(page), "<!doctype html>");
    }

    [TestMethod]
    public async Task The_html_page_of_an_unfinished_report_is_a_409_problem()
    {
        DefaultHttpContext post = await host.PostAsync(Ann);
        string id = Http.Json(post)["id"]!.GetValue<string>();
        DefaultHttpContext page = await GetAsync($"/api/reports/{id}/html", host.Token(Ann), id, html: true);
        Assert.AreEqual(409, page.Response.StatusCode);
        Assert.AreEqual("application/problem+json", page.Response.ContentType);
    }

    [TestMethod]
    public async Task The_list_holds_the_callers_reports_newest_first()
    {
        string older = await DoneReportAsync(Ann, "first");
        await DoneReportAsync(Bob, "bobs");
        host.Clock.Now = host.Clock.Now.AddHours(1);
        DefaultHttpContext newer = await host.PostAsync(Ann, key: "second");

        DefaultHttpContext list = await GetAsync("/api/reports", host.Token(Ann));

        Assert.AreEqual(200, list.Response.StatusCode);
        JsonArray reports = Http.Json(list)["reports"]!.AsArray();
        Assert.HasCount(2, reports);
        Assert.AreEqual(Http.Json(newer)["id"]!.GetValue<string>(), reports[0]!["id"]!.GetValue<string>());
        Assert.AreEqual("queued", reports[0]!["status"]!.GetValue<string>());
        Assert.AreEqual(older, reports[1]!["id"]!.GetValue<string>());
        Assert.AreEqual("done", reports[1]!["status"]!.GetValue<string>());
        Assert.AreEqual(3, reports[1]!["summary"]!["sentMessages"]!.GetValue<int>());
        Assert.AreEqual($"/api/reports/{older}/html", reports[1]!["html"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_weekly_timer_queues_reports_for_opted_in_users_only_once_a_week()
    {
        foreach ((Guid user, string body) in new[] { (Ann, """{ "weekly": true }"""), (Bob, """{ "weekly": true }"""), (Cid, """{ "weekly": true }"""), (Bob, """{ "weekly": false }""") })
        {
            DefaultHttpContext context = Http.Request("POST", "/api/reports/schedule", host.Token(user), body);
            await host.Functions.ScheduleAsync(context.Request);
            Assert.AreEqual(200, context.Response.StatusCode, Http.Text(context));
        }

        await host.Functions.WeeklyAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.AreEqual(0, await host.Jobs.ScheduleWeeklyAsync(CancellationToken.None), "a second run in the same week queues nothing");

        QueueMessage[] messages = await host.ReceiveAsync();
        ReportJob[] jobs = messages.Select(m => ReportJob.Parse(m.Body.ToString())!).ToArray();
        CollectionAssert.AreEquivalent(new[] { Ann, Cid }, jobs.Select(j => j.UserId).ToArray());
        Assert.IsTrue(jobs.All(j => j.Trigger == ReportJob.WeeklyTrigger && j.Since == new DateOnly(2026, 11, 19)));

        host.Clock.Now = host.Clock.Now.AddDays(7);
        Assert.AreEqual(2, await host.Jobs.ScheduleWeeklyAsync(CancellationToken.None), "next week: new reports");
    }

    [TestMethod]
    [DataRow("""{ "weekly": "yes" }""")]
    [DataRow("""{ }""")]
    [DataRow("""{ "weekly": true, "daily": true }""")]
    public async Task A_bad_schedule_body_is_a_400_problem(string body)
    {
        DefaultHttpContext context = Http.Request("POST", "/api/reports/schedule", host.Token(Ann), body);
        await host.Functions.ScheduleAsync(context.Request);
        Assert.AreEqual(400, context.Response.StatusCode);
        Assert.IsFalse(await host.Store.IsWeeklyAsync(new ReportOwner(ReportTestHost.Tenant, Ann), CancellationToken.None));
    }

    [TestMethod]
    public async Task Delta_links_round_trip_through_the_deltaLinks_table()
    {
        var links = new TableDeltaLinkStore(host.Storage.DeltaLinks);
        var state = new DeltaLinkState("https://graph.example/v1.0/me/mailfolders('x')/messages/delta?$deltatoken=abc", host.Clock.Now);

        Assert.IsNull(await links.GetAsync("owner", "sentitems", CancellationToken.None));
        await links.SaveAsync("owner", "sentitems", state, CancellationToken.None);
        Assert.AreEqual(state, await links.GetAsync("owner", "sentitems", CancellationToken.None));
        await links.DeleteAsync("owner", "sentitems", CancellationToken.None);
        Assert.IsNull(await links.GetAsync("owner", "sentitems", CancellationToken.None));
    }

    [TestMethod]
    public async Task Without_report_storage_the_routes_answer_501_and_with_it_AddOutreachReports_wires_everything()
    {
        var bare = new ReportFunctions(new ServiceCollection().BuildServiceProvider());
        DefaultHttpContext context = Http.Request("POST", "/api/reports", host.Token(Ann), "{}");
        await bare.CreateAsync(context.Request);
        Assert.AreEqual(501, context.Response.StatusCode);
        StringAssert.Contains(Http.Json(context)["detail"]!.GetValue<string>(), "Reports need storage");
        await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => bare.WeeklyAsync(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None));

        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = AzuriteStorage.ConnectionString,
        }).Build();
        using ServiceProvider wired = new ServiceCollection().AddOutreachReports(configuration).BuildServiceProvider();
        Assert.IsNotNull(wired.GetService<ReportHandlers>());
        Assert.IsInstanceOfType<EngineReportBuilder>(wired.GetRequiredService<IReportBuilder>());
        Assert.IsInstanceOfType<GraphReportMailSourceFactory>(wired.GetRequiredService<IReportMailSourceFactory>());
        Assert.IsNotNull(wired.GetService<ReportJobRunner>());
        Assert.IsNull(new ServiceCollection().AddOutreachReports(new ConfigurationBuilder().Build()).BuildServiceProvider().GetService<ReportHandlers>());
    }
}

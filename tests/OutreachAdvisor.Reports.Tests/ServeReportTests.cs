using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Api;
using OutreachAdvisor.Cli.Commands;
using OutreachAdvisor.Mailbox;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>
/// Issue 12 item 6: <c>outreach serve --mailbox samples/mailbox</c> answers the report routes over real HTTP
/// on 127.0.0.1, as the add-in's Reports tab calls them: POST, poll the Location, the report JSON, the page, the list.
/// </summary>
[TestClass]
public sealed class ServeReportTests
{
    private static string SampleMailbox => Path.Combine(RepoPaths.Root, "samples", "mailbox");

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(ContextSources sources)
    {
        WebApplication app = ServeCommand.Build(0, new FixedAnalysisSources(sources), addinDir: null, allowedOrigin: null);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) });
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    // The sample mailbox is from early 2026: ask for the longest period a report may cover.
    private static string Since => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-366).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TestMethod]
    public async Task With_a_mailbox_a_report_is_made_from_it_and_served_as_json_page_and_list()
    {
        (WebApplication app, HttpClient client) = await StartAsync(new ContextSources { Mailbox = await LocalMailbox.OpenAsync([SampleMailbox]) });
        await using (app)
        using (client)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = Json($$"""{ "since": "{{Since}}" }""") };
            post.Headers.Add("Idempotency-Key", "click-1");
            post.Headers.AcceptLanguage.ParseAdd("it-IT");
            using HttpResponseMessage accepted = await client.SendAsync(post);
            Assert.AreEqual(HttpStatusCode.Accepted, accepted.StatusCode, await accepted.Content.ReadAsStringAsync());
            string location = accepted.Headers.Location!.ToString();
            StringAssert.StartsWith(location, "/api/reports/");

            // Poll as the add-in does until the status body gives way to the report itself.
            JsonElement report = default;
            for (int poll = 0; poll < 240; poll++)
            {
                using HttpResponseMessage answer = await client.GetAsync(location);
                Assert.AreEqual(HttpStatusCode.OK, answer.StatusCode);
                using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
                if (!body.RootElement.TryGetProperty("status", out JsonElement status))
                {
                    report = body.RootElement.Clone();
                    break;
                }

                // Only a failed report carries "error"; read it only then (the message is evaluated on every poll).
                if (status.GetString() == "failed")
                    Assert.Fail(body.RootElement.TryGetProperty("error", out JsonElement error) ? error.GetString() ?? "" : "failed without an error");
                await Task.Delay(250);
            }

            Assert.AreEqual(JsonValueKind.Object, report.ValueKind, "the report was not done within a minute");
            Assert.AreEqual("ann@lee.example", report.GetProperty("me").GetString());
            Assert.AreEqual("local-files", report.GetProperty("source").GetString());
            Assert.IsGreaterThan(0, report.GetProperty("outreachMessages").GetInt32());
            Assert.AreEqual("it", report.GetProperty("language").GetString(), "the page follows Accept-Language");

            using HttpResponseMessage page = await client.GetAsync(location + "/html");
            Assert.AreEqual(HttpStatusCode.OK, page.StatusCode);
            Assert.AreEqual("text/html", page.Content.Headers.ContentType!.MediaType);
            StringAssert.Contains(string.Join(";", page.Headers.GetValues("Content-Security-Policy")), "default-src 'none'");
            StringAssert.Contains(await page.Content.ReadAsStringAsync(), "Rapporto sulla posta inviata");

            using var list = JsonDocument.Parse(await client.GetStringAsync("/api/reports"));
            JsonElement listed = list.RootElement.GetProperty("reports").EnumerateArray().Single();
            Assert.AreEqual("done", listed.GetProperty("status").GetString());
            Assert.AreEqual(report.GetProperty("outreachMessages").GetInt32(), listed.GetProperty("summary").GetProperty("outreachMessages").GetInt32());

            // The same click again is the same report; weekly reports are not offered by a local server.
            using var again = new HttpRequestMessage(HttpMethod.Post, "/api/reports") { Content = Json($$"""{ "since": "{{Since}}" }""") };
            again.Headers.Add("Idempotency-Key", "click-1");
            using HttpResponseMessage same = await client.SendAsync(again);
            Assert.AreEqual(location, same.Headers.Location!.ToString());
            using HttpResponseMessage weekly = await client.PostAsync("/api/reports/schedule", Json("""{ "weekly": true }"""));
            Assert.AreEqual(HttpStatusCode.Conflict, weekly.StatusCode);
            Assert.AreEqual("application/problem+json", weekly.Content.Headers.ContentType!.MediaType);

            // Bad input keeps the shared problem answers.
            using HttpResponseMessage bad = await client.PostAsync("/api/reports", Json("""{ "since": "tomorrow" }"""));
            Assert.AreEqual(HttpStatusCode.BadRequest, bad.StatusCode);
            using HttpResponseMessage missing = await client.GetAsync("/api/reports/" + new string('0', 32));
            Assert.AreEqual(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [TestMethod]
    public async Task Without_a_mailbox_the_report_routes_still_say_reports_are_not_available_here()
    {
        (WebApplication app, HttpClient client) = await StartAsync(new ContextSources());
        await using (app)
        using (client)
        {
            using HttpResponseMessage list = await client.GetAsync("/api/reports");
            Assert.AreEqual(HttpStatusCode.NotImplemented, list.StatusCode);
            Assert.AreEqual("application/problem+json", list.Content.Headers.ContentType!.MediaType);
        }
    }
}

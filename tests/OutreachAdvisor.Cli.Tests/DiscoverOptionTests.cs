using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.FoundAt.Discovery;
using OutreachAdvisor.FoundAt.Fetching;
using OutreachAdvisor.Tests.Common;
using static OutreachAdvisor.Cli.Tests.CliRunner;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>
/// `outreach check --discover`: off by default (no discovery is even made without it); with it, the
/// recipient's organisation's site is read - here shape.example, served on 127.0.0.1 by a local
/// server, with a resolver that maps the made-up name there (the fetcher's test-only loopback option).
/// </summary>
[TestClass]
public sealed class DiscoverOptionTests
{
    private static WebApplication Site = null!;
    private static Uri SiteAddress = null!;
    private static int Requests;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartSiteAsync(TestContext context)
    {
        (Site, string address) = await LoopbackHost.StartAsync(app =>
        {
            app.Use(async (http, next) =>
            {
                Interlocked.Increment(ref Requests);
                await next(http);
            });
            app.MapGet("/", () => Results.Content("<nav><a href=\"/news\">News</a> <a href=\"/contatti\">Contatti</a></nav>", "text/html"));
            app.MapGet("/contatti", () => Results.Content("<p>Jane Doe - jane [at] shape [dot] example</p>", "text/html"));
            // A site whose home page never comes (robots.txt is absent: a 404, so everything is allowed).
            app.MapGet("/slow", async (HttpContext http) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
                return Results.Ok();
            });
        });
        SiteAddress = new Uri(address);
    }

    [ClassCleanup]
    public static async Task StopSiteAsync() => await Site.DisposeAsync();

    [TestMethod]
    public async Task Without_discover_no_discovery_is_made_and_the_rule_asks_where_the_address_came_from()
    {
        int made = 0;
        Run run = await RunWithAsync(["check", Sample("en-good-specific-cold.eml"), "--mailbox", SampleMailbox, "--json"], () =>
        {
            made++;
            return LocalDiscovery();
        });

        Assert.AreEqual(0, made, "nothing that could fetch exists without --discover");
        using var result = JsonDocument.Parse(run.Stdout);
        Assert.AreEqual("skipped", Check(result, "listed-address").GetProperty("status").GetString());
        Assert.IsFalse(Check(result, "listed-address").TryGetProperty("links", out _), "links is omitted when no page is named");
        Assert.IsTrue(Findings(result).Any(f => f.GetProperty("messageId").GetString() == "listed-address/where-found"));
    }

    [TestMethod]
    public async Task With_discover_an_address_on_the_organisations_contact_page_is_listed_on_that_page()
    {
        int before = Volatile.Read(ref Requests);
        Run run = await RunWithAsync(["check", Sample("en-good-specific-cold.eml"), "--mailbox", SampleMailbox, "--json", "--discover"], LocalDiscovery);

        Assert.AreEqual(string.Empty, run.Stderr);
        using var result = JsonDocument.Parse(run.Stdout);
        JsonElement check = Check(result, "listed-address");
        Assert.AreEqual("passed", check.GetProperty("status").GetString(), check.GetProperty("detail").GetString());
        string page = $"http://shape.example:{SiteAddress.Port}/contatti";
        Assert.AreEqual($"Every new address is listed: jane@shape.example on {page}.", check.GetProperty("detail").GetString());
        Assert.AreEqual(page, check.GetProperty("links").EnumerateArray().Single().GetString());
        Assert.IsFalse(Findings(result).Any(f => f.GetProperty("rule").GetString() == "listed-address"));
        Assert.IsGreaterThan(before, Volatile.Read(ref Requests));
    }

    [TestMethod]
    public async Task With_discover_the_text_report_names_the_page_in_Italian_too()
    {
        Run run = await RunWithAsync(["check", Sample("en-good-specific-cold.eml"), "--mailbox", SampleMailbox, "--discover", "--lang", "it"], LocalDiscovery);

        StringAssert.Contains(run.Stdout, $"jane@shape.example su http://shape.example:{SiteAddress.Port}/contatti");
    }

    [TestMethod]
    public async Task On_the_command_line_a_slow_site_gets_its_real_verdict_never_a_promise_to_look_again()
    {
        // Nothing outlives the run, so "still looking; check again in a moment" would be untrue.
        Run run = await RunWithAsync(["check", Sample("en-good-specific-cold.eml"), "--mailbox", SampleMailbox, "--json", "--discover"],
            () => LocalDiscovery(root: "/slow"));

        using var result = JsonDocument.Parse(run.Stdout);
        JsonElement check = Check(result, "listed-address");
        Assert.AreEqual("skipped", check.GetProperty("status").GetString());
        Assert.AreEqual("Not verified: jane@shape.example (shape.example's site did not answer within 3 s).", check.GetProperty("detail").GetString());
    }

    [TestMethod]
    public async Task The_option_is_in_the_help()
    {
        Run run = await RunAsync(["check", "--help"]);

        StringAssert.Contains(run.Stdout, "--discover");
        StringAssert.Contains(run.Stdout, "Off by default");
    }

    /// <summary>Discovery as --discover makes it, but reading shape.example from the local server.</summary>
    private static SiteDiscovery LocalDiscovery() => LocalDiscovery(root: "/");

    private static SiteDiscovery LocalDiscovery(string root)
    {
        var fetcher = new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true },
            (host, _) => Task.FromResult(host.EndsWith("shape.example", StringComparison.OrdinalIgnoreCase) ? new[] { IPAddress.Loopback } : []),
            new FetchThrottle());
        return new SiteDiscovery(fetcher, options: new DiscoveryOptions { SiteRoots = domain => [new Uri($"http://{domain}:{SiteAddress.Port}{root}")] });
    }

    private async Task<Run> RunWithAsync(string[] args, Func<IAddressDiscovery> discovery)
    {
        using var input = new MemoryStream();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await OutreachCli.RunAsync(args, new CliStreams(input, stdout, stderr) { NewDiscovery = discovery }, TestContext.CancellationToken);
        return new Run(exit, stdout.ToString(), stderr.ToString());
    }

    private static JsonElement Check(JsonDocument result, string rule) =>
        result.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == rule);

    private static JsonElement.ArrayEnumerator Findings(JsonDocument result) => result.RootElement.GetProperty("findings").EnumerateArray();
}

using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// Issue 15.3: one request naming many found-at pages must not become many fetches. Pages are
/// deduplicated, capped per request, verdicts reused for a while, and fetches capped per process
/// and per server. Every site is a made-up name the test resolver maps to a loopback server.
/// </summary>
[TestClass]
public sealed class FoundAtFanOutTests
{
    private static SiteServer Server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartServer(TestContext context) => Server = await SiteServer.StartAsync();

    [ClassCleanup]
    public static async Task StopServer() => await Server.DisposeAsync();

    [TestMethod]
    public async Task Five_hundred_recipients_with_pages_on_one_host_make_ten_fetches_and_the_rest_say_why()
    {
        string host = Unique("flood");
        for (int i = 0; i < 500; i++)
            Server.Html(host, $"/people/{i}", $"<p>Write to person{i}@{host}</p>");
        FoundAtChecker checker = Checker(host);
        FoundAtQuery[] queries = Enumerable.Range(0, 500).Select(i => new FoundAtQuery($"person{i}@{host}", Server.Url(host, $"/people/{i}"))).ToArray();

        IReadOnlyList<FoundAtVerdict> verdicts = await checker.CheckAllAsync(queries, TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        Assert.AreEqual(10, Server.RequestsTo(host));
        Assert.IsTrue(verdicts.Take(10).All(v => v.Status == FoundAtStatus.Listed), string.Join("; ", verdicts.Take(10)));
        FoundAtVerdict skipped = verdicts[10];
        Assert.AreEqual(FoundAtStatus.Unavailable, skipped.Status);
        Assert.AreEqual("found-at/over-page-limit", skipped.Detail.Id);
        Assert.AreEqual("not read: at most 10 different pages are read for one message", skipped.Detail.ToString());
        Assert.AreEqual("non letta: per un messaggio si leggono al massimo 10 pagine diverse", Localizer.Render(skipped.Detail, "it"));
        Assert.IsTrue(verdicts.Skip(10).All(v => v.Detail.Id == "found-at/over-page-limit"));
    }

    [TestMethod]
    public async Task Through_the_analysis_the_listed_address_check_is_skipped_naming_the_limit()
    {
        string host = Unique("analysis");
        for (int i = 0; i < 30; i++)
            Server.Html(host, $"/p{i}", $"<p>r{i}@{host}</p>");
        EmailAddress[] recipients = Enumerable.Range(0, 30).Select(i => new EmailAddress(null, $"r{i}@{host}")).ToArray();
        var message = new MessageInput
        {
            From = new EmailAddress("Ann Lee", "ann@lee.example"),
            To = recipients,
            Subject = "Hello",
            Body = "Hello,\nCould you review my CV?",
            FoundAt = recipients.Select((r, i) => (r.Address, Url: Server.Url(host, $"/p{i}"))).ToDictionary(p => p.Address, p => p.Url),
        };

        AnalysisResult result = await OutreachAnalyzer.Default.AnalyzeAsync(message, new ContextSources { FoundAt = Checker(host) }, "en", TestContext.CancellationToken);

        Assert.AreEqual(10, Server.RequestsTo(host));
        RuleCheck check = result.Checks.Single(c => c.Rule == "listed-address");
        Assert.AreEqual(CheckStatus.Skipped, check.Status, check.Detail);
        StringAssert.Contains(check.Detail, $"r10@{host} (not read: at most 10 different pages are read for one message)");
        Assert.IsFalse(check.Detail.Contains($"r9@{host} (", StringComparison.Ordinal), "the first ten were read");
    }

    [TestMethod]
    public async Task The_same_page_named_for_many_recipients_is_fetched_once()
    {
        string host = Unique("shared");
        Server.Html(host, "/team", $"<ul><li>jane [at] {host}</li><li>marco&#64;{host}</li></ul>");
        string[] spellings = [Server.Url(host, "/team"), Server.Url(host, "/team#jane"), Server.Url(host.ToUpperInvariant(), "/team")];
        FoundAtQuery[] queries = Enumerable.Range(0, 60)
            .Select(i => new FoundAtQuery(i switch { 0 => $"jane@{host}", 1 => $"marco@{host}", _ => $"other{i}@{host}" }, spellings[i % 3]))
            .ToArray();

        IReadOnlyList<FoundAtVerdict> verdicts = await Checker(host).CheckAllAsync(queries, TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        Assert.AreEqual(1, Server.RequestsTo(host));
        Assert.AreEqual(FoundAtStatus.Listed, verdicts[0].Status);
        Assert.AreEqual(FoundAtStatus.Listed, verdicts[1].Status);
        Assert.IsTrue(verdicts.Skip(2).All(v => v.Status == FoundAtStatus.NotListed));
    }

    [TestMethod]
    public async Task A_verdict_is_reused_for_ten_minutes_then_the_page_is_read_again()
    {
        string host = Unique("cache");
        Server.Html(host, "/contact", $"jane@{host}");
        var clock = new ManualClock(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        FoundAtChecker checker = Checker(host, clock: clock);
        string url = Server.Url(host, "/contact");

        FoundAtVerdict first = await checker.CheckAsync($"jane@{host}", url, TestContext.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(9));
        FoundAtVerdict again = await checker.CheckAsync($"JANE@{host}", url + "#top", TestContext.CancellationToken);
        Assert.AreEqual(1, Server.RequestsTo(host), "the second check within ten minutes reads nothing");
        Assert.AreEqual(first, again);

        clock.Advance(TimeSpan.FromMinutes(2));
        await checker.CheckAsync($"jane@{host}", url, TestContext.CancellationToken);
        Assert.AreEqual(2, Server.RequestsTo(host), "after ten minutes the page is read again");
    }

    [TestMethod]
    public async Task A_refused_page_is_not_tried_again_for_a_minute_but_a_slow_one_is()
    {
        string host = Unique("refused");
        Server.Status(host, "/gone", 410);
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        FoundAtChecker checker = Checker(host, clock: clock);

        FoundAtVerdict first = await checker.CheckAsync($"jane@{host}", Server.Url(host, "/gone"), TestContext.CancellationToken);
        FoundAtVerdict second = await checker.CheckAsync($"jane@{host}", Server.Url(host, "/gone"), TestContext.CancellationToken);
        Assert.AreEqual(FoundAtStatus.Unavailable, first.Status);
        Assert.AreEqual(first, second);
        Assert.AreEqual(1, Server.RequestsTo(host));
        clock.Advance(TimeSpan.FromSeconds(61));
        await checker.CheckAsync($"jane@{host}", Server.Url(host, "/gone"), TestContext.CancellationToken);
        Assert.AreEqual(2, Server.RequestsTo(host));

        string slowHost = Unique("slow");
        Server.Handle(slowHost, "/slow", async context => await Task.Delay(TimeSpan.FromSeconds(20), context.RequestAborted));
        FoundAtChecker impatient = new(Fetcher(slowHost, timeout: TimeSpan.FromMilliseconds(200)), clock: clock);
        Assert.AreEqual("fetch/timeout", (await impatient.CheckAsync($"jane@{slowHost}", Server.Url(slowHost, "/slow"), TestContext.CancellationToken)).Detail.Id);
        await impatient.CheckAsync($"jane@{slowHost}", Server.Url(slowHost, "/slow"), TestContext.CancellationToken);
        Assert.AreEqual(2, Server.RequestsTo(slowHost), "a time-out is not remembered");
    }

    [TestMethod]
    [Timeout(60_000, CooperativeCancellation = true)]
    public async Task Looking_for_many_addresses_on_one_large_page_stops_at_the_budget()
    {
        // Every recipient's name is on the page (so no quick check can rule it out), none as an address.
        string host = Unique("large");
        var page = new System.Text.StringBuilder();
        for (int i = 0; page.Length < 1_000_000; i++)
            page.Append("<p>person").Append(i % 500).Append(" works at ").Append(host).Append(" in example town</p>\n");
        Server.Html(host, "/all", page.ToString());
        FoundAtQuery[] queries = Enumerable.Range(0, 500).Select(i => new FoundAtQuery($"person{i}@{host}", Server.Url(host, "/all"))).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        IReadOnlyList<FoundAtVerdict> verdicts = await Checker(host).CheckAllAsync(queries, TimeSpan.FromSeconds(1), TestContext.CancellationToken);

        clock.Stop();
        Assert.AreEqual(1, Server.RequestsTo(host));
        Assert.IsTrue(verdicts.Any(v => v.Detail.Id == "found-at/timeout"), "500 searches of a megabyte do not fit in one second here");
        Assert.IsTrue(verdicts.All(v => v.Status != FoundAtStatus.Listed));
        Assert.IsLessThan(15_000L, clock.ElapsedMilliseconds, $"took {clock.ElapsedMilliseconds} ms for a 1 s budget");
    }

    [TestMethod]
    public async Task Cached_verdicts_do_not_count_against_the_page_limit()
    {
        string host = Unique("next");
        for (int i = 0; i < 20; i++)
            Server.Html(host, $"/p{i}", $"r{i}@{host}");
        FoundAtChecker checker = Checker(host);
        FoundAtQuery[] queries = Enumerable.Range(0, 20).Select(i => new FoundAtQuery($"r{i}@{host}", Server.Url(host, $"/p{i}"))).ToArray();

        IReadOnlyList<FoundAtVerdict> first = await checker.CheckAllAsync(queries, TimeSpan.FromSeconds(30), TestContext.CancellationToken);
        IReadOnlyList<FoundAtVerdict> second = await checker.CheckAllAsync(queries, TimeSpan.FromSeconds(30), TestContext.CancellationToken);

        Assert.AreEqual(10, first.Count(v => v.Status == FoundAtStatus.Listed));
        Assert.AreEqual(20, second.Count(v => v.Status == FoundAtStatus.Listed), "the second check reads the ten the first one left");
        Assert.AreEqual(20, Server.RequestsTo(host));
    }

    [TestMethod]
    public async Task Fetches_to_one_server_are_capped_whatever_name_they_use()
    {
        await using SiteServer first = await SiteServer.StartAsync("127.0.0.1");
        await using SiteServer second = await SiteServer.StartAsync("127.0.0.2");
        first.Delay = second.Delay = TimeSpan.FromMilliseconds(150);
        string[] hosts = [Unique("cap-a"), Unique("cap-b"), Unique("cap-c")];
        TestResolver resolver = new TestResolver()
            .Map(hosts[0], first.Address).Map(hosts[1], first.Address) // two names, one server
            .Map(hosts[2], second.Address);
        using var throttle = new FetchThrottle(maxConcurrent: 32, maxPerServer: 2);
        PageFetchResult[] results = await FetchAllAsync(new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true }, resolver.ResolveAsync, throttle),
            hosts.SelectMany(host => Enumerable.Range(0, 8).Select(i => (host == hosts[2] ? second : first, host, $"/p{i}"))));

        Assert.IsTrue(results.All(r => r.Succeeded), string.Join("; ", results.Select(r => r.Failure)));
        Assert.AreEqual(16, first.Requests.Count);
        Assert.AreEqual(2, first.MaxRunning, "two names of one server share its two slots");
        Assert.AreEqual(2, second.MaxRunning, "another server has slots of its own");
        Assert.AreEqual(0, throttle.TrackedServers, "nothing is left behind in the per-server table");
    }

    [TestMethod]
    public async Task Fetches_in_the_whole_process_are_capped()
    {
        await using SiteServer server = await SiteServer.StartAsync();
        server.Delay = TimeSpan.FromMilliseconds(150);
        string[] hosts = Enumerable.Range(0, 6).Select(i => Unique("process")).ToArray();
        var resolver = new TestResolver();
        foreach (string host in hosts)
            resolver.Map(host, server.Address);
        using var throttle = new FetchThrottle(maxConcurrent: 3, maxPerServer: 100);
        PageFetchResult[] results = await FetchAllAsync(new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true }, resolver.ResolveAsync, throttle),
            hosts.SelectMany(host => Enumerable.Range(0, 3).Select(i => (server, host, $"/p{i}"))));

        Assert.IsTrue(results.All(r => r.Succeeded), string.Join("; ", results.Select(r => r.Failure)));
        Assert.AreEqual(18, server.Requests.Count);
        Assert.AreEqual(3, server.MaxRunning);
    }

    private async Task<PageFetchResult[]> FetchAllAsync(SafePageFetcher fetcher, IEnumerable<(SiteServer Server, string Host, string Path)> pages)
    {
        var fetches = new List<Task<PageFetchResult>>();
        foreach ((SiteServer server, string host, string path) in pages)
        {
            server.Html(host, path, "hello");
            fetches.Add(fetcher.FetchAsync(server.Url(host, path), TestContext.CancellationToken));
        }
        return await Task.WhenAll(fetches);
    }

    [TestMethod]
    public async Task A_fetch_that_waits_too_long_for_a_slot_says_it_was_busy()
    {
        string host = Unique("busy");
        Server.Handle(host, "/hold", async context => await Task.Delay(TimeSpan.FromSeconds(3), context.RequestAborted));
        Server.Html(host, "/page", "hello");
        using var throttle = new FetchThrottle(maxConcurrent: 1, maxPerServer: 1);
        TestResolver resolver = new TestResolver().Map(host, Server.Address);
        var holder = new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true }, resolver.ResolveAsync, throttle);
        var waiter = new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true, Timeout = TimeSpan.FromMilliseconds(300) }, resolver.ResolveAsync, throttle);

        Task<PageFetchResult> holding = holder.FetchAsync(Server.Url(host, "/hold"), TestContext.CancellationToken);
        while (Server.RequestsTo(host) == 0)
            await Task.Delay(10, TestContext.CancellationToken);
        PageFetchResult waited = await waiter.FetchAsync(Server.Url(host, "/page"), TestContext.CancellationToken);
        await holding;

        Assert.AreEqual("fetch/busy", waited.FailureReason?.Id, waited.Failure);
        Assert.AreEqual("not read now: 1 pages are already being read; try again shortly", waited.Failure);
        Assert.AreEqual(1, Server.RequestsTo(host), "the waiting fetch sent nothing");
    }

    [TestMethod]
    public async Task Every_request_names_the_product_in_its_user_agent()
    {
        string host = Unique("agent");
        Server.Html(host, "/", "hello");

        await Fetcher(host).FetchAsync(Server.Url(host, "/"), TestContext.CancellationToken);

        string agent = Server.Requests.Single(r => r.Host == host).UserAgent;
        StringAssert.StartsWith(agent, "OutreachAdvisor/");
        StringAssert.Contains(agent, "robots.txt");
    }

    private static int Counter;

    /// <summary>A fresh made-up site name per test, so counts never mix.</summary>
    private static string Unique(string name) => $"{name}-{Interlocked.Increment(ref Counter)}.test";

    private static SafePageFetcher Fetcher(string host, TimeSpan? timeout = null) =>
        new(new SafeFetchOptions { AllowLoopback = true, Timeout = timeout ?? TimeSpan.FromSeconds(5) },
            new TestResolver().Map(host, Server.Address).Map(host.ToUpperInvariant(), Server.Address).ResolveAsync,
            new FetchThrottle());

    private static FoundAtChecker Checker(string host, TimeProvider? clock = null) => new(Fetcher(host), allowLocalFiles: false, clock: clock);
}

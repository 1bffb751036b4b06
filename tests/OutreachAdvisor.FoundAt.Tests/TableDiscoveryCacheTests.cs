using System.Globalization;
using Azure.Data.Tables;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.FoundAt.Discovery;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// The Functions app's discovery cache against Azurite (as test.sh starts it: AZURITE_CONNECTION_STRING,
/// else the default ports). Each test has a table of its own. Azurite not running fails these tests, saying how to start it.
/// </summary>
[TestClass]
public sealed class TableDiscoveryCacheTests
{
    private static readonly string ConnectionString =
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    private static readonly DateTimeOffset Nine = DateTimeOffset.Parse("2026-12-01T09:00:00Z", CultureInfo.InvariantCulture);

    private static SiteServer Server = null!;
    private static DiscoverySites Sites = null!;

    private TableClient _table = null!;

    public TestContext TestContext { get; set; } = null!;

    private CancellationToken Token => TestContext.CancellationToken;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var service = new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
            await service.GetPropertiesAsync(timeout.Token);
        }
        catch (Exception error)
        {
            throw new InvalidOperationException(
                "Azurite is not reachable: these tests need it. Run ./test.sh, which starts it, or start it yourself: npm ci --prefix tools/azurite && " +
                "tools/azurite/node_modules/.bin/azurite --silent --inMemoryPersistence --tableHost 127.0.0.1 (AZURITE_CONNECTION_STRING for other ports). Cause: " + error.Message, error);
        }

        Server = await SiteServer.StartAsync();
        Sites = new DiscoverySites(Server);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (Server is not null)
            await Server.DisposeAsync();
    }

    [TestInitialize]
    public void NewTable() => _table = new TableClient(ConnectionString, "discovery" + Guid.NewGuid().ToString("N")[..12]);

    [TestCleanup]
    public async Task DeleteTableAsync() => await _table.DeleteAsync(CancellationToken.None);

    [TestMethod]
    public async Task A_verdict_is_read_back_as_stored_and_its_reason_renders_in_each_language()
    {
        var cache = new TableDiscoveryCache(_table, new ManualClock(Nine));
        var refused = Reason.With("discovery/unreadable", ("domain", "studio.example"),
            ("reason", Reason.With("fetch/refused", ("url", "https://studio.example/"), ("reason", new Reason("ip/private")))));
        var listed = new DiscoveryRecord(FoundAtStatus.Listed, "https://studio.example/contatti", 3, null, Nine, Nine.AddHours(24));
        var site = new DiscoveryRecord(FoundAtStatus.Unavailable, null, 0, refused, Nine, Nine.AddHours(1));

        await cache.SetAsync("studio.example", DiscoveryRecord.AddressKey("jane@studio.example"), listed, Token);
        await cache.SetAsync("other.example", DiscoveryRecord.DomainWide, site, Token);

        Assert.AreEqual(listed, await cache.GetAsync("studio.example", DiscoveryRecord.AddressKey("jane@studio.example"), Token));
        Assert.IsNull(await cache.GetAsync("studio.example", DiscoveryRecord.AddressKey("marco@studio.example"), Token));
        DiscoveryRecord? domainWide = await cache.GetAsync("other.example", DiscoveryRecord.AddressKey("marco@other.example"), Token);
        Assert.IsNotNull(domainWide);
        Assert.AreEqual(refused.ToString(), domainWide.Reason!.ToString());
        Assert.AreEqual(Localizer.Render(refused, "it"), Localizer.Render(domainWide.Reason, "it"));
    }

    [TestMethod]
    public async Task A_row_holds_the_domain_and_the_verdict_never_the_address()
    {
        var cache = new TableDiscoveryCache(_table, new ManualClock(Nine));
        await cache.SetAsync("studio.example", DiscoveryRecord.AddressKey("Jane.Doe@studio.example"),
            new DiscoveryRecord(FoundAtStatus.NotListed, null, 8, null, Nine, Nine.AddHours(24)), Token);

        TableEntity row = await _table.QueryAsync<TableEntity>(cancellationToken: Token).SingleAsync(Token);

        Assert.AreEqual("studio.example", row.PartitionKey);
        Assert.AreEqual(32, row.RowKey.Length);
        foreach (KeyValuePair<string, object> property in row)
            Assert.DoesNotContain("jane", Convert.ToString(property.Value, CultureInfo.InvariantCulture)!.ToLowerInvariant(), property.Key);
    }

    [TestMethod]
    public async Task Expired_rows_are_ignored_and_purged()
    {
        var clock = new ManualClock(Nine);
        var cache = new TableDiscoveryCache(_table, clock);
        string key = DiscoveryRecord.AddressKey("jane@studio.example");
        await cache.SetAsync("studio.example", key, new DiscoveryRecord(FoundAtStatus.Listed, "https://studio.example/", 1, null, Nine, Nine.AddHours(24)), Token);
        await cache.SetAsync("studio.example", DiscoveryRecord.DomainWide, new DiscoveryRecord(FoundAtStatus.Unavailable, null, 0, null, Nine, Nine.AddHours(1)), Token);

        clock.Advance(TimeSpan.FromHours(25));

        Assert.IsNull(await cache.GetAsync("studio.example", key, Token));
        Assert.AreEqual(2, await cache.PurgeExpiredAsync(Token));
        Assert.AreEqual(0, await _table.QueryAsync<TableEntity>(cancellationToken: Token).CountAsync(Token));
    }

    [TestMethod]
    public async Task A_row_this_version_cannot_read_is_a_miss_not_a_failure()
    {
        var cache = new TableDiscoveryCache(_table, new ManualClock(Nine));
        string key = DiscoveryRecord.AddressKey("jane@studio.example");
        await cache.SetAsync("studio.example", "warm-up", new DiscoveryRecord(FoundAtStatus.Listed, null, 1, null, Nine, Nine.AddHours(1)), Token);
        await _table.UpsertEntityAsync(new TableEntity("studio.example", key) { ["Status"] = "Maybe", ["Expires"] = Nine.AddHours(24) }, cancellationToken: Token);
        await _table.UpsertEntityAsync(new TableEntity("studio.example", DiscoveryRecord.DomainWide)
        {
            ["Status"] = "Unavailable",
            ["Reason"] = "{\"id\":\"no/such-message\",\"args\":{}}",
            ["Expires"] = Nine.AddHours(24),
        }, cancellationToken: Token);

        DiscoveryRecord? record = await cache.GetAsync("studio.example", key, Token);

        // The unknown status is skipped; the domain-wide row keeps its verdict but drops the reason nobody can render.
        Assert.IsNotNull(record);
        Assert.AreEqual(FoundAtStatus.Unavailable, record.Status);
        Assert.IsNull(record.Reason);
    }

    [TestMethod]
    public async Task Another_instance_sharing_the_table_answers_from_it_without_a_fetch()
    {
        string domain = Sites.NewDomain("shared-table");
        Server.Html(domain, "/", "<a href=\"/chi-siamo\">Chi siamo</a>");
        Server.Html(domain, "/chi-siamo", $"<p>Scrivete a anna chiocciola {domain.Replace(".", " punto ", StringComparison.Ordinal)}</p>");
        SiteDiscovery first = Sites.Discovery(cache: new TableDiscoveryCache(_table));
        SiteDiscovery second = Sites.Discovery(cache: new TableDiscoveryCache(_table));

        IReadOnlyList<FoundAtVerdict> found = await first.DiscoverAsync([$"anna@{domain}"], TimeSpan.FromSeconds(10), Token);
        int requests = Sites.AllRequests(domain);
        IReadOnlyList<FoundAtVerdict> again = await second.DiscoverAsync([$"anna@{domain}"], TimeSpan.FromSeconds(10), Token);

        Assert.AreEqual(FoundAtStatus.Listed, found[0].Status, found[0].Detail.ToString());
        Assert.AreEqual(found[0], again[0]);
        Assert.AreEqual(Sites.Url(domain, "/chi-siamo"), again[0].Page);
        Assert.AreEqual(requests, Sites.AllRequests(domain), "the second instance read the table, not the site");
    }

    [TestMethod]
    public void The_Functions_settings_choose_the_table_and_without_storage_there_is_none()
    {
        Assert.IsNotNull(TableDiscoveryCache.FromSettings(key => key == "Storage:ConnectionString" ? ConnectionString : null));
        Assert.IsNotNull(TableDiscoveryCache.FromSettings(key => key == "Storage:AccountName" ? "outreachstore" : null));
        Assert.IsNull(TableDiscoveryCache.FromSettings(_ => null));
        // A host pointed at an identity-based AzureWebJobsStorage (no connection string) is no table for us.
        Assert.IsNull(TableDiscoveryCache.FromSettings(key => key == "AzureWebJobsStorage" ? "outreachstore" : null));
    }
}

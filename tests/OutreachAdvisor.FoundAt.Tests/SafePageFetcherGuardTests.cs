using System.Net;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// Refusals decided before any connection: schemes, user info, host names and resolved IPs.
/// The resolver is a fake, so no DNS query and no traffic leaves the test.
/// </summary>
[TestClass]
public sealed class SafePageFetcherGuardTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("file:///etc/passwd", "file:")]
    [DataRow("ftp://files.example/page.html", "ftp:")]
    [DataRow("gopher://old.example/", "gopher:")]
    [DataRow("data:text/html,jane@shape.example", "data:")]
    [DataRow("javascript:alert(1)", "javascript:")]
    [DataRow("ldap://dir.example/", "ldap:")]
    public async Task Refuses_non_http_schemes(string url, string scheme)
    {
        PageFetchResult result = await NoNetworkFetcher().FetchAsync(url, TestContext.CancellationToken);

        Assert.IsFalse(result.Succeeded);
        Assert.Contains($"refused: only http and https URLs are fetched, not {scheme}", result.Failure!);
    }

    [TestMethod]
    [DataRow("http://user:secret@page.test/")]
    [DataRow("https://user@page.test/")]
    [DataRow("http://page.test@127.0.0.1/")]
    public async Task Refuses_urls_with_user_info(string url)
    {
        PageFetchResult result = await NoNetworkFetcher().FetchAsync(url, TestContext.CancellationToken);

        Assert.Contains("user info", result.Failure!);
    }

    [TestMethod]
    [DataRow("not a url")]
    [DataRow("/relative/path")]
    [DataRow("")]
    public async Task Refuses_what_is_not_an_absolute_url(string url)
    {
        PageFetchResult result = await NoNetworkFetcher().FetchAsync(url, TestContext.CancellationToken);

        Assert.IsFalse(result.Succeeded);
        Assert.StartsWith("refused:", result.Failure!);
    }

    [TestMethod]
    [DataRow("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local/metadata address")]
    [DataRow("http://10.0.0.1/", "refused: 10.0.0.1 is a private address")]
    [DataRow("http://172.16.4.4:8080/", "refused: 172.16.4.4 is a private address")]
    [DataRow("http://192.168.0.1/admin", "refused: 192.168.0.1 is a private address")]
    [DataRow("http://127.0.0.1/", "refused: 127.0.0.1 is a loopback address")]
    [DataRow("http://[::1]/", "refused: ::1 is a loopback address")]
    [DataRow("http://[fe80::1]/", "refused: fe80::1 is a link-local address")]
    [DataRow("http://[fc00::1]/", "refused: fc00::1 is a unique-local address")]
    [DataRow("http://[::ffff:127.0.0.1]/", "loopback address (IPv4-mapped")]
    [DataRow("http://[::ffff:10.0.0.1]/", "private address (IPv4-mapped")]
    [DataRow("http://100.64.0.1/", "refused: 100.64.0.1 is a shared (CGNAT) address")]
    [DataRow("http://0.0.0.0/", "refused: 0.0.0.0 is an unspecified")]
    [DataRow("http://168.63.129.16/", "wireserver")]
    [DataRow("http://2130706433/", "loopback")]
    [DataRow("http://0x7f.1/", "loopback")]
    public async Task Refuses_forbidden_ip_literals(string url, string expectedReason)
    {
        PageFetchResult result = await NoNetworkFetcher().FetchAsync(url, TestContext.CancellationToken);

        Assert.IsFalse(result.Succeeded);
        Assert.Contains(expectedReason, result.Failure!);
    }

    [TestMethod]
    [DataRow("http://metadata.google.internal/computeMetadata/v1/")]
    [DataRow("http://METADATA.google.internal./")]
    [DataRow("http://metadata/")]
    [DataRow("http://instance-data/latest/")]
    [DataRow("http://anything.internal/")]
    public async Task Refuses_metadata_host_names_without_resolving_them(string url)
    {
        int lookups = 0;
        var fetcher = new SafePageFetcher(resolveHost: (_, _) =>
        {
            lookups++;
            return Task.FromResult(new[] { IPAddress.Parse("93.184.216.34") });
        });

        PageFetchResult result = await fetcher.FetchAsync(url, TestContext.CancellationToken);

        Assert.StartsWith("refused:", result.Failure!);
        Assert.AreEqual(0, lookups);
    }

    [TestMethod]
    [DataRow("169.254.169.254", "evil.test resolves to 169.254.169.254, a link-local/metadata address")]
    [DataRow("127.0.0.1", "evil.test resolves to 127.0.0.1, a loopback address")]
    [DataRow("10.1.2.3", "evil.test resolves to 10.1.2.3, a private address")]
    [DataRow("::ffff:127.0.0.1", "evil.test resolves to ::ffff:127.0.0.1, a loopback address (IPv4-mapped")]
    public async Task Refuses_a_name_that_resolves_to_a_forbidden_address(string resolvedTo, string expectedReason)
    {
        var fetcher = new SafePageFetcher(resolveHost: FakeDns("evil.test", resolvedTo));

        PageFetchResult result = await fetcher.FetchAsync("http://evil.test/", TestContext.CancellationToken);

        Assert.StartsWith($"refused: {expectedReason}", result.Failure!);
    }

    [TestMethod]
    public async Task Refuses_when_any_resolved_address_is_forbidden()
    {
        // The loopback address is allowed here, so only the private one can cause the refusal.
        var fetcher = new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true },
            FakeDns("mixed.test", "127.0.0.1", "10.0.0.7"));

        PageFetchResult result = await fetcher.FetchAsync("http://mixed.test/", TestContext.CancellationToken);

        Assert.AreEqual("refused: mixed.test resolves to 10.0.0.7, a private address", result.Failure);
    }

    [TestMethod]
    public async Task Reports_a_name_that_does_not_resolve()
    {
        var fetcher = new SafePageFetcher(resolveHost: (_, _) => Task.FromResult(Array.Empty<IPAddress>()));

        PageFetchResult result = await fetcher.FetchAsync("http://nowhere.test/", TestContext.CancellationToken);

        Assert.AreEqual("refused: nowhere.test could not be resolved", result.Failure);
    }

    [TestMethod]
    public async Task A_cancelled_caller_gets_an_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var fetcher = new SafePageFetcher(resolveHost: async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return [];
        });

        await Assert.ThrowsAsync<OperationCanceledException>(() => fetcher.FetchAsync("http://slow-dns.test/", cancelled.Token));
    }

    [TestMethod]
    public async Task A_slow_resolver_counts_against_the_timeout()
    {
        var fetcher = new SafePageFetcher(new SafeFetchOptions { Timeout = TimeSpan.FromMilliseconds(200) }, async (_, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return [];
        });

        PageFetchResult result = await fetcher.FetchAsync("http://slow-dns.test/", TestContext.CancellationToken);

        Assert.AreEqual("timed out after 200 ms", result.Failure);
    }

    /// <summary>A fetcher whose resolver fails the test if it is ever asked: these URLs must be refused first.</summary>
    private static SafePageFetcher NoNetworkFetcher() =>
        new(resolveHost: (host, _) => throw new AssertFailedException($"unexpected DNS lookup of {host}"));

    private static Func<string, CancellationToken, Task<IPAddress[]>> FakeDns(string name, params string[] addresses) =>
        (host, _) => host == name
            ? Task.FromResult(addresses.Select(IPAddress.Parse).ToArray())
            : throw new AssertFailedException($"unexpected DNS lookup of {host}");
}

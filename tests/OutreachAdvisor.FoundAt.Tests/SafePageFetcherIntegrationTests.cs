using System.Diagnostics;
using System.Net;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// Against a real HTTP server on 127.0.0.1. Traffic only ever goes to loopback: redirects to other
/// addresses must be refused by the guard before a connection is attempted.
/// </summary>
[TestClass]
public sealed class SafePageFetcherIntegrationTests
{
    private static LocalTestServer Server = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartServer(TestContext context) => Server = await LocalTestServer.StartAsync();

    [ClassCleanup]
    public static async Task StopServer() => await Server.DisposeAsync();

    [TestMethod]
    public async Task Fetches_a_page_from_an_allowed_loopback_server()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/with-address"), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Failure);
        Assert.AreEqual(LocalTestServer.PageWithAddress, result.Text);
    }

    [TestMethod]
    [DataRow("/plain", "jane@shape.example")]
    [DataRow("/xhtml", "mailto:jane%40shape.example")]
    [DataRow("/latin1", "Caffè con jane@shape.example")]
    [DataRow("/windows-1252", "\u201Cjane@s.e\u201D")]
    [DataRow("/unknown-charset", "<p>jane@shape.example</p>")]
    [DataRow("/utf-7", "<p>jane@shape.example</p>")]
    public async Task Accepts_text_types_and_decodes_their_charset(string path, string expectedText)
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url(path), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Failure);
        Assert.Contains(expectedText, result.Text!);
    }

    [TestMethod]
    public async Task Refuses_the_loopback_server_unless_explicitly_allowed()
    {
        var fetcher = new SafePageFetcher(new SafeFetchOptions());

        PageFetchResult result = await fetcher.FetchAsync(Server.Url("/with-address"), TestContext.CancellationToken);

        Assert.AreEqual("refused: 127.0.0.1 is a loopback address", result.Failure);
    }

    [TestMethod]
    public async Task Follows_relative_and_permanent_redirects()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/redirect-twice"), TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Failure);
        Assert.AreEqual(Server.Url("/with-address"), result.FinalUrl!.ToString());
    }

    [TestMethod]
    [DataRow("/redirect-metadata",
        "refused: redirect to http://169.254.169.254/latest/meta-data/ (169.254.169.254 is a link-local/metadata address)")]
    [DataRow("/redirect-private", "refused: redirect to http://10.0.0.1/ (10.0.0.1 is a private address)")]
    [DataRow("/redirect-file", "refused: redirect to file:///etc/passwd (only http and https URLs are fetched, not file:)")]
    public async Task Refuses_a_redirect_to_a_forbidden_destination_before_connecting(string path, string expectedReason)
    {
        // A connection attempt to these addresses would time out or fail with another message.
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url(path), TestContext.CancellationToken);

        Assert.AreEqual(expectedReason, result.Failure);
    }

    [TestMethod]
    public async Task Refuses_a_redirect_to_a_url_with_user_info()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/redirect-userinfo"), TestContext.CancellationToken);

        Assert.Contains("user info", result.Failure!);
        Assert.StartsWith("refused: redirect to http://user:secret@127.0.0.1", result.Failure!);
    }

    [TestMethod]
    public async Task Refuses_a_redirect_to_a_name_that_resolves_to_metadata()
    {
        var fetcher = new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true },
            (host, _) => Task.FromResult(host == "evil.test" ? [IPAddress.Parse("169.254.169.254")] : Array.Empty<IPAddress>()));

        PageFetchResult result = await fetcher.FetchAsync(Server.Url("/redirect-by-name"), TestContext.CancellationToken);

        Assert.AreEqual("refused: redirect to http://evil.test/latest/meta-data/ "
            + "(evil.test resolves to 169.254.169.254, a link-local/metadata address)", result.Failure);
    }

    [TestMethod]
    public async Task Caps_a_redirect_loop()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/loop"), TestContext.CancellationToken);

        Assert.AreEqual("refused: more than 5 redirects", result.Failure);
    }

    [TestMethod]
    [DataRow("/large-with-length")]
    [DataRow("/large-chunked")]
    public async Task Refuses_a_body_over_the_limit(string path)
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url(path), TestContext.CancellationToken);

        Assert.AreEqual("refused: page larger than 1 MB", result.Failure);
    }

    [TestMethod]
    [DataRow("/slow-headers")]
    [DataRow("/slow-body")]
    public async Task Gives_up_at_the_timeout(string path)
    {
        SafePageFetcher fetcher = LoopbackFetcher(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        PageFetchResult result = await fetcher.FetchAsync(Server.Url(path), TestContext.CancellationToken);

        Assert.AreEqual("timed out after 500 ms", result.Failure);
        Assert.IsLessThan(5_000L, clock.ElapsedMilliseconds);
    }

    [TestMethod]
    public async Task Refuses_non_text_content()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/image"), TestContext.CancellationToken);

        Assert.AreEqual("refused: content type image/png is not text/html, text/plain or application/xhtml+xml", result.Failure);
    }

    [TestMethod]
    public async Task Refuses_content_without_a_type()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/no-content-type"), TestContext.CancellationToken);

        Assert.StartsWith("refused: content type (none)", result.Failure!);
    }

    [TestMethod]
    public async Task Reports_an_http_error()
    {
        PageFetchResult result = await LoopbackFetcher().FetchAsync(Server.Url("/missing"), TestContext.CancellationToken);

        Assert.AreEqual($"{Server.Url("/missing")} answered HTTP 404 Not Found", result.Failure);
    }

    [TestMethod]
    public async Task Connects_to_the_checked_address_and_never_asks_dns_again()
    {
        // A rebinding resolver: the first answer is the (allowed) local server, later answers are private.
        int lookups = 0;
        var fetcher = new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true }, (_, _) =>
            Task.FromResult(new[] { IPAddress.Parse(Interlocked.Increment(ref lookups) == 1 ? "127.0.0.1" : "10.0.0.1") }));

        PageFetchResult result = await fetcher.FetchAsync($"http://rebind.test:{Server.BaseUrl.Port}/with-address", TestContext.CancellationToken);

        Assert.IsTrue(result.Succeeded, result.Failure);
        Assert.AreEqual(1, lookups);
    }

    [TestMethod]
    public async Task Reports_a_refused_connection()
    {
        int closedPort = GetClosedLoopbackPort();

        PageFetchResult result = await LoopbackFetcher().FetchAsync($"http://127.0.0.1:{closedPort}/", TestContext.CancellationToken);

        Assert.StartsWith($"could not fetch http://127.0.0.1:{closedPort}/", result.Failure!);
    }

    private static SafePageFetcher LoopbackFetcher(TimeSpan? timeout = null) => new(new SafeFetchOptions
    {
        AllowLoopback = true,
        Timeout = timeout ?? TimeSpan.FromSeconds(5),
    }, (host, _) => throw new AssertFailedException($"unexpected DNS lookup of {host}"));

    private static int GetClosedLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

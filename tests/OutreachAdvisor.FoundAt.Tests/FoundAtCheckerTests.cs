using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt.Tests;

[TestClass]
public sealed class FoundAtCheckerTests
{
    private const string Jane = "jane@shape.example";

    private static LocalTestServer Server = null!;
    private string _folder = null!;

    public TestContext TestContext { get; set; } = null!;

    [ClassInitialize]
    public static async Task StartServer(TestContext context) => Server = await LocalTestServer.StartAsync();

    [ClassCleanup]
    public static async Task StopServer() => await Server.DisposeAsync();

    [TestInitialize]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("found-at-tests-").FullName;

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [TestMethod]
    public async Task A_page_listing_the_address_is_Listed_with_the_form_it_used()
    {
        FoundAtVerdict verdict = await LoopbackChecker().CheckAsync(Jane, Server.Url("/with-address"), TestContext.CancellationToken);

        AssertVerdict(FoundAtStatus.Listed, "listed as 'jane [at] shape [dot] example'", verdict);
    }

    [TestMethod]
    public async Task A_page_without_the_address_is_NotListed()
    {
        string url = Server.Url("/without-address");

        FoundAtVerdict verdict = await LoopbackChecker().CheckAsync(Jane, url, TestContext.CancellationToken);

        AssertVerdict(FoundAtStatus.NotListed, $"{Jane} does not appear on {url}", verdict);
    }

    [TestMethod]
    public async Task A_refused_url_is_Unavailable_with_the_reason()
    {
        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, Server.Url("/with-address"), TestContext.CancellationToken);

        AssertVerdict(FoundAtStatus.Unavailable, "refused: 127.0.0.1 is a loopback address", verdict);
    }

    [TestMethod]
    public async Task A_redirect_to_metadata_is_Unavailable()
    {
        FoundAtVerdict verdict = await LoopbackChecker().CheckAsync(Jane, Server.Url("/redirect-metadata"), TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.Contains("169.254.169.254 is a link-local/metadata address", verdict.Detail.ToString());
    }

    [TestMethod]
    [DataRow("page.html", "<p>Mail <a href=\"mailto:jane@shape.example\">Jane</a></p>")]
    [DataRow("page.txt", "jane (at) shape (dot) example")]
    public async Task A_local_file_listing_the_address_is_Listed(string name, string content)
    {
        string path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, content, TestContext.CancellationToken);

        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, path, TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
    }

    [TestMethod]
    public async Task A_file_uri_is_read_as_a_local_file()
    {
        string path = Path.Combine(_folder, "page.html");
        await File.WriteAllTextAsync(path, "jane@shape.example", TestContext.CancellationToken);

        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, new Uri(path).AbsoluteUri, TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.Listed, verdict.Status, verdict.Detail.ToString());
    }

    [TestMethod]
    public async Task A_local_file_without_the_address_is_NotListed()
    {
        string path = Path.Combine(_folder, "page.html");
        await File.WriteAllTextAsync(path, "xjane@shape.example", TestContext.CancellationToken);

        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, path, TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.NotListed, verdict.Status);
    }

    [TestMethod]
    public async Task A_missing_file_is_Unavailable()
    {
        string path = Path.Combine(_folder, "nope.html");

        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, path, TestContext.CancellationToken);

        AssertVerdict(FoundAtStatus.Unavailable, $"file not found: {path}", verdict);
    }

    [TestMethod]
    public async Task A_file_over_the_limit_is_Unavailable()
    {
        string path = Path.Combine(_folder, "big.html");
        await File.WriteAllTextAsync(path, new string('x', 1_048_577) + Jane, TestContext.CancellationToken);

        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, path, TestContext.CancellationToken);

        AssertVerdict(FoundAtStatus.Unavailable, "refused: file larger than 1 MB", verdict);
    }

    [TestMethod]
    public async Task Local_files_can_be_switched_off_for_a_server()
    {
        string path = Path.Combine(_folder, "page.html");
        await File.WriteAllTextAsync(path, Jane, TestContext.CancellationToken);
        var checker = new FoundAtChecker(allowLocalFiles: false);

        FoundAtVerdict fromPath = await checker.CheckAsync(Jane, path, TestContext.CancellationToken);
        FoundAtVerdict fromUri = await checker.CheckAsync(Jane, new Uri(path).AbsoluteUri, TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.Unavailable, fromPath.Status);
        Assert.Contains("local files are not read here", fromPath.Detail.ToString());
        Assert.AreEqual(fromPath, fromUri);
    }

    [TestMethod]
    [DataRow("ftp://files.example/contact.html", "ftp:")]
    [DataRow("gopher://old.example/", "gopher:")]
    [DataRow("data:text/html,jane@shape.example", "data:")]
    [DataRow("javascript:alert(1)", "javascript:")]
    [DataRow("mailto:jane@shape.example", "mailto:")]
    public async Task Other_schemes_are_Unavailable(string source, string scheme)
    {
        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(Jane, source, TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.Contains($"unsupported source '{scheme}'", verdict.Detail.ToString());
    }

    [TestMethod]
    [DataRow("not an address", "https://shape.example/")]
    [DataRow("", "https://shape.example/")]
    [DataRow(null, "https://shape.example/")]
    [DataRow(Jane, "")]
    [DataRow(Jane, "   ")]
    [DataRow(Jane, null)]
    [DataRow(Jane, "http://")]
    [DataRow(Jane, "http://user:pw@shape.example/")]
    [DataRow(Jane, "\0\n")]
    public async Task Bad_input_is_Unavailable_and_never_throws(string? address, string? source)
    {
        FoundAtVerdict verdict = await new FoundAtChecker().CheckAsync(address!, source!, TestContext.CancellationToken);

        Assert.AreEqual(FoundAtStatus.Unavailable, verdict.Status);
        Assert.IsFalse(string.IsNullOrWhiteSpace(verdict.Detail.ToString()));
    }

    [TestMethod]
    public async Task Only_the_callers_cancellation_escapes()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => LoopbackChecker().CheckAsync(Jane, Server.Url("/with-address"), cancelled.Token));
    }

    [TestMethod]
    public async Task A_slow_page_is_Unavailable_after_the_timeout()
    {
        var checker = new FoundAtChecker(new SafePageFetcher(
            new SafeFetchOptions { AllowLoopback = true, Timeout = TimeSpan.FromMilliseconds(300) }));

        FoundAtVerdict verdict = await checker.CheckAsync(Jane, Server.Url("/slow-headers"), TestContext.CancellationToken);

        AssertVerdict(FoundAtStatus.Unavailable, "timed out after 300 ms", verdict);
    }

    private static FoundAtChecker LoopbackChecker() =>
        new(new SafePageFetcher(new SafeFetchOptions { AllowLoopback = true }));

    /// <summary>The verdict's status and its detail as an English reader sees it.</summary>
    private static void AssertVerdict(FoundAtStatus status, string detail, FoundAtVerdict verdict)
    {
        Assert.AreEqual(status, verdict.Status, verdict.Detail.ToString());
        Assert.AreEqual(detail, verdict.Detail.ToString());
    }
}

using System.Net;
using System.Net.Http.Headers;
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
using static OutreachAdvisor.Cli.Tests.CliRunner;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>`outreach serve` over real HTTP on 127.0.0.1, with the sample mailbox.</summary>
[TestClass]
public sealed class ServeTests
{
    private static WebApplication? App;
    private static HttpClient? SharedClient;
    private static string? AddinDir;

    private static HttpClient Client => SharedClient!;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        AddinDir = Directory.CreateTempSubdirectory("outreach-addin-").FullName;
        await File.WriteAllTextAsync(Path.Combine(AddinDir, "playground.html"), "<!doctype html><title>playground</title>");
        var sources = new ContextSources { Mailbox = await LocalMailbox.OpenAsync([SampleMailbox]) };
        App = ServeCommand.Build(0, new FixedAnalysisSources(sources), AddinDir, "https://addin.example");
        await App.StartAsync();
        string address = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        SharedClient = new HttpClient { BaseAddress = new Uri(address) };
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        SharedClient?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (AddinDir is not null)
            Directory.Delete(AddinDir, recursive: true);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private const string ColdAsk = """
        { "from": { "name": "Ann Lee", "address": "ann@lee.example" },
          "to": [ { "name": "Jane Doe", "address": "jane@shape.example" } ],
          "subject": "Quick question", "body": "Dear _ __,\n\nCould you review my CV?", "bodyFormat": "text" }
        """;

    [TestMethod]
    public async Task Health_names_the_providers()
    {
        using var health = JsonDocument.Parse(await Client.GetStringAsync("/api/health"));
        Assert.AreEqual("ok", health.RootElement.GetProperty("status").GetString());
        Assert.AreEqual("local-files", health.RootElement.GetProperty("mailbox").GetString());
        Assert.AreEqual("built-in", health.RootElement.GetProperty("language").GetString());
        Assert.AreEqual(9, health.RootElement.GetProperty("rules").GetArrayLength());
    }

    [TestMethod]
    public async Task Analyze_returns_the_contract_result_using_the_mailbox()
    {
        using HttpResponseMessage response = await Client.PostAsync("/api/analyze", Json(ColdAsk));
        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement engage = result.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "engage-before-asking");
        Assert.AreEqual("failed", engage.GetProperty("status").GetString());
        Assert.IsTrue(result.RootElement.GetProperty("findings").EnumerateArray().Any(f => f.GetProperty("rule").GetString() == "personal-greeting"));
    }

    [TestMethod]
    public async Task Accept_language_it_gives_Italian_findings()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analyze") { Content = Json(ColdAsk) };
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("it-IT"));
        using HttpResponseMessage response = await Client.SendAsync(request);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "segnaposto");
        Assert.AreEqual("it", response.Content.Headers.ContentLanguage.Single());
    }

    [TestMethod]
    [DataRow("{ \"to\": [ { \"address\": \"jane@shape.example\" } ], \"body\": ", "body")]
    [DataRow("{ \"to\": \"jane\", \"body\": \"hi\" }", "to")]
    [DataRow("{ \"to\": [ { \"address\": \"not-an-address\" } ], \"body\": \"hi\" }", "to[0].address")]
    [DataRow("{ \"to\": [], \"body\": \"hi\", \"bodyFormat\": \"pdf\" }", "bodyFormat")]
    [DataRow("{ \"to\": [] }", "body")]
    [DataRow("{ \"to\": [ { \"address\": \"jane@shape.example\" } ], \"body\": \"hi\", \"foundAt\": { \"jane@shape.example\": \"/etc/passwd\" } }", "foundAt['jane@shape.example']")]
    public async Task Bad_json_is_a_400_problem_naming_the_field(string json, string field)
    {
        using HttpResponseMessage response = await Client.PostAsync("/api/analyze", Json(json));
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.IsTrue(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [TestMethod]
    public async Task More_than_500_recipients_is_refused()
    {
        string to = string.Join(",", Enumerable.Range(0, 501).Select(i => $"{{\"address\":\"p{i}@x.example\"}}"));
        using HttpResponseMessage response = await Client.PostAsync("/api/analyze", Json($"{{\"to\":[{to}],\"body\":\"hi\"}}"));
        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        StringAssert.Contains(await response.Content.ReadAsStringAsync(), "at most 500 recipients");
    }

    [TestMethod]
    public async Task Body_over_1_MB_is_413()
    {
        string body = new('a', 1_100_000);
        // Expect: 100-continue lets the server refuse by Content-Length before the body is sent; without
        // it the client may still be uploading when the server closes, and sees a broken pipe instead.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/analyze") { Content = Json($"{{\"to\":[],\"body\":\"{body}\"}}") };
        request.Headers.ExpectContinue = true;
        using HttpResponseMessage response = await Client.SendAsync(request);
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [TestMethod]
    public async Task Non_json_is_415()
    {
        using HttpResponseMessage response = await Client.PostAsync("/api/analyze", new StringContent("hello", Encoding.UTF8, "text/plain"));
        Assert.AreEqual(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.AreEqual("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [TestMethod]
    public async Task Cors_allows_only_the_configured_origin()
    {
        async Task<string?> AllowedOrigin(string origin)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/analyze");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            using HttpResponseMessage response = await Client.SendAsync(preflight);
            return response.Headers.TryGetValues("Access-Control-Allow-Origin", out IEnumerable<string>? values) ? values.Single() : null;
        }

        Assert.AreEqual("https://addin.example", await AllowedOrigin("https://addin.example"));
        Assert.IsNull(await AllowedOrigin("https://evil.example"));
    }

    [TestMethod]
    public async Task Serves_the_add_in_pages_and_redirects_root_to_the_playground()
    {
        Assert.AreEqual("<!doctype html><title>playground</title>", await Client.GetStringAsync("/playground.html"));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Client.BaseAddress };
        using HttpResponseMessage root = await noRedirect.GetAsync("/");
        Assert.AreEqual("/playground.html", root.Headers.Location!.OriginalString);
    }
}

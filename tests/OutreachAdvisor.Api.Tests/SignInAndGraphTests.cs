using System.Text.Json;
using Azure.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Identity;
using OutreachAdvisor.Identity.Tests;
using OutreachAdvisor.Tests.Common;
using static OutreachAdvisor.Api.Tests.HttpContexts;

namespace OutreachAdvisor.Api.Tests;

/// <summary>
/// The deployed configuration end to end, without the cloud: Entra tokens minted and checked against
/// a local OpenID server, the on-behalf-of step replaced by a fake credential, Graph by a local fake.
/// </summary>
[TestClass]
public sealed class SignInAndGraphTests
{
    private static LocalOpenIdServer? OpenId;
    private static FakeGraph? Graph;

    /// <summary>Stands in for the on-behalf-of exchange: a Graph token derived from the user's token.</summary>
    private sealed class FakeOnBehalfOf(string userToken) : TokenCredential
    {
        public static string GraphTokenFor(string userToken) => "graph-token-for-" + userToken[^12..];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GraphTokenFor(userToken), DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        OpenId = await LocalOpenIdServer.StartAsync();
        Graph = await FakeGraph.StartAsync();
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (OpenId is not null)
            await OpenId.DisposeAsync();
        if (Graph is not null)
            await Graph.DisposeAsync();
    }

    private static AnalyzeHandler GraphHandler()
    {
        var http = new HttpClient();
        GraphServiceClient Client(TokenCredential credential) =>
            new(http, new AzureIdentityAuthenticationProvider(credential, allowedHosts: ["127.0.0.1"], scopes: ConfiguredAnalysisSources.GraphScopes), Graph!.BaseUrl);
        var sources = new ConfiguredAnalysisSources(new EntraTokenValidator(OpenId!.Options()), token => new FakeOnBehalfOf(token), Client, useGraph: true, localMailbox: null, language: null);
        return new AnalyzeHandler(sources, OutreachAnalyzer.Default);
    }

    private static string? Header(string name) => name switch
    {
        "no token" => null,
        "basic scheme" => "Basic YW5uOnNlY3JldA==",
        "expired" => "Bearer " + OpenId!.MintToken(notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2)),
        "wrong audience" => "Bearer " + OpenId!.MintToken(audience: "api://someone-else"),
        "wrong issuer" => "Bearer " + OpenId!.MintToken(issuer: "https://login.microsoftonline.com/other-tenant/v2.0"),
        "missing scope" => "Bearer " + OpenId!.MintToken(scopes: "User.Read"),
        "bad signature" => "Bearer " + OpenId!.MintToken(signing: new Microsoft.IdentityModel.Tokens.SigningCredentials(LocalOpenIdServer.NewRsaKey("other"), "RS256")),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [TestMethod]
    [DataRow("no token", "no bearer token")]
    [DataRow("basic scheme", "no bearer token")]
    [DataRow("expired", "expired")]
    [DataRow("wrong audience", "audience")]
    [DataRow("wrong issuer", "issued by another")]
    [DataRow("missing scope", "access_as_user")]
    [DataRow("bad signature", "signature")]
    public async Task Requests_without_a_valid_token_get_401_problem(string name, string reason)
    {
        DefaultHttpContext context = Post(ColdAsk, authorization: Header(name));
        await GraphHandler().HandleAsync(context);

        Assert.AreEqual(StatusCodes.Status401Unauthorized, context.Response.StatusCode, name);
        Assert.AreEqual("application/problem+json", context.Response.ContentType);
        Assert.AreEqual("Bearer", context.Response.Headers.WWWAuthenticate.ToString());
        StringAssert.Contains(ResponseText(context), reason);
    }

    [TestMethod]
    [DataRow("{ \"to\": [ { \"address\": \"nobody\" } ], \"body\": \"hi\" }")]
    [DataRow("{ \"to\": [], \"body\": \"hi\", \"bodyFormat\": \"pdf\" }")]
    [DataRow("not json")]
    public async Task Sign_in_is_checked_before_the_fields_so_the_schema_is_not_told_to_strangers(string body)
    {
        DefaultHttpContext context = Post(body);
        await GraphHandler().HandleAsync(context);

        Assert.AreEqual(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        string text = ResponseText(context);
        Assert.DoesNotContain("errors", text, "no field is named to a caller who is not signed in");
        StringAssert.Contains(text, "no bearer token");
    }

    [TestMethod]
    public async Task A_valid_token_reads_the_users_Graph_mailbox_on_their_behalf()
    {
        string userToken = OpenId!.MintToken();
        DefaultHttpContext context = Post(ColdAsk, authorization: "Bearer " + userToken);
        await GraphHandler().HandleAsync(context);

        Assert.AreEqual(StatusCodes.Status200OK, context.Response.StatusCode, ResponseText(context));
        Assert.Contains("Bearer " + FakeOnBehalfOf.GraphTokenFor(userToken), Graph!.Authorizations);
        Assert.DoesNotContain("Bearer " + userToken, Graph.Authorizations, "the user's own token must never be sent to Graph");

        using var result = JsonDocument.Parse(ResponseText(context));
        JsonElement engage = result.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "engage-before-asking");
        Assert.AreEqual("failed", engage.GetProperty("status").GetString(), engage.ToString());
        Assert.IsNotNull(context.User.FindFirst("oid"), "the signed-in user is on the HttpContext");
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [TestMethod]
    public void Nothing_configured_is_offline_with_no_sign_in()
    {
        var sources = ConfiguredAnalysisSources.Create(Settings(), EmptyServices.Instance);
        Assert.IsFalse(sources.RequiresSignIn);
        Assert.AreEqual("none", sources.MailboxName);
        Assert.AreEqual("built-in", sources.LanguageName);
    }

    [TestMethod]
    public void A_local_mailbox_and_a_language_endpoint_are_picked_up()
    {
        var sources = ConfiguredAnalysisSources.Create(Settings(
            ("Mailbox:Provider", "local"), ("Mailbox:Path", Path.Combine(RepoPaths.Root, "samples", "mailbox")),
            ("Language:Endpoint", "https://lang.example.cognitiveservices.azure.com"), ("Language:ApiKey", "test-key")), EmptyServices.Instance);
        Assert.AreEqual("local-files", sources.MailboxName);
        Assert.AreEqual("azure-ai-language", sources.LanguageName);
    }

    [TestMethod]
    public void Graph_without_sign_in_settings_is_a_clear_configuration_error()
    {
        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(() => ConfiguredAnalysisSources.Create(Settings(("Mailbox:Provider", "graph")), EmptyServices.Instance));
        StringAssert.Contains(error.Message, "AzureAd");
    }

    [TestMethod]
    public async Task Report_routes_spend_the_signed_in_users_budget_and_refuse_with_429()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ApiRateLimiter(new RateLimitSettings { ReportsPerMinute = 2 }));
        // Registered as the Functions app and serve register it (ReportsSetup): by its interface.
        services.AddSingleton<Reports.IReportSignIn>(new Reports.ReportSignIn(new EntraTokenValidator(OpenId!.Options())));
        using ServiceProvider provider = services.BuildServiceProvider();
        string ann = "Bearer " + OpenId.MintToken(), bob = "Bearer " + OpenId.MintToken(objectId: Guid.NewGuid().ToString());
        DefaultHttpContext Request(string? authorization)
        {
            DefaultHttpContext context = Get("/api/reports");
            context.RequestServices = provider;
            if (authorization is not null)
                context.Request.Headers.Authorization = authorization;
            return context;
        }

        Assert.IsTrue(await ApiRateLimiter.TryAcquireForReportsAsync(Request(ann)));
        Assert.IsTrue(await ApiRateLimiter.TryAcquireForReportsAsync(Request(ann)));
        DefaultHttpContext refused = Request(ann);
        Assert.IsFalse(await ApiRateLimiter.TryAcquireForReportsAsync(refused));
        Assert.AreEqual(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.AreEqual("application/problem+json", refused.Response.ContentType);
        Assert.IsFalse(string.IsNullOrEmpty(refused.Response.Headers.RetryAfter.ToString()));
        Assert.IsTrue(await ApiRateLimiter.TryAcquireForReportsAsync(Request(bob)), "another user's budget is their own");
        Assert.IsTrue(await ApiRateLimiter.TryAcquireForReportsAsync(Request(null)), "no token: the handler answers 401, nothing is spent");
    }

    [TestMethod]
    public void Tenant_common_is_warned_about_at_start_up()
    {
        var sources = ConfiguredAnalysisSources.Create(Settings(("AzureAd:TenantId", "common"), ("AzureAd:ClientId", LocalOpenIdServer.ClientId)), EmptyServices.Instance);
        StringAssert.Contains(sources.Warnings.Single(), "AzureAd:TenantId is 'common'");
    }

    [TestMethod]
    public void Sign_in_settings_turn_token_validation_on()
    {
        var sources = ConfiguredAnalysisSources.Create(Settings(
            ("AzureAd:TenantId", LocalOpenIdServer.Tenant), ("AzureAd:ClientId", LocalOpenIdServer.ClientId), ("AzureAd:ClientSecret", "s"),
            ("Mailbox:Provider", "graph")), EmptyServices.Instance);
        Assert.IsTrue(sources.RequiresSignIn);
        Assert.AreEqual("graph", sources.MailboxName);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}

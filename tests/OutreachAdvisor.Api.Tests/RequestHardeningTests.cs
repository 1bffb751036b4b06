using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using static OutreachAdvisor.Api.Tests.HttpContexts;

namespace OutreachAdvisor.Api.Tests;

/// <summary>Issues 15.6 and 15.10 at the handler level, rate limits, and the per-route response ceiling.</summary>
[TestClass]
public sealed class RequestHardeningTests
{
    private static AnalyzeHandler Handler(ApiRateLimiter? limiter = null) =>
        new(new FixedAnalysisSources(ContextSources.None), OutreachAnalyzer.Default, limiter);

    private static async Task<DefaultHttpContext> PostAsync(AnalyzeHandler handler, byte[] body, Action<DefaultHttpContext>? setUp = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(body);
        context.Response.Body = new MemoryStream();
        setUp?.Invoke(context);
        await handler.HandleAsync(context);
        return context;
    }

    [TestMethod]
    public async Task A_json_body_with_a_utf8_byte_order_mark_is_read()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ColdAsk)];

        DefaultHttpContext context = await PostAsync(Handler(), body);

        Assert.AreEqual(StatusCodes.Status200OK, context.Response.StatusCode, ResponseText(context));
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("1")]
    [DataRow("7")]
    [DataRow("-1")]
    [DataRow("1.5")]
    public async Task A_number_for_bodyFormat_is_a_400_naming_the_field(string number)
    {
        string json = $$"""{ "to": [], "body": "hi", "bodyFormat": {{number}} }""";

        DefaultHttpContext context = await PostAsync(Handler(), Encoding.UTF8.GetBytes(json));

        Assert.AreEqual(StatusCodes.Status400BadRequest, context.Response.StatusCode);
        Assert.AreEqual("application/problem+json", context.Response.ContentType);
        using var problem = JsonDocument.Parse(ResponseText(context));
        Assert.IsTrue(problem.RootElement.GetProperty("errors").TryGetProperty("bodyFormat", out _), problem.RootElement.ToString());
    }

    [TestMethod]
    [DataRow("text")]
    [DataRow("html")]
    public async Task The_two_named_formats_are_accepted(string format)
    {
        string json = $$"""{ "to": [], "body": "Dear Jane, could we talk?", "bodyFormat": "{{format}}" }""";

        DefaultHttpContext context = await PostAsync(Handler(), Encoding.UTF8.GetBytes(json));

        Assert.AreEqual(StatusCodes.Status200OK, context.Response.StatusCode, ResponseText(context));
    }

    private static ApiRateLimiter Limiter(int analyzePerMinute) =>
        new(RateLimitSettings.From(new ConfigurationBuilder().AddInMemoryCollection([new("RateLimits:AnalyzePerMinute", analyzePerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))]).Build()));

    private static Action<DefaultHttpContext> SignedInAs(string oid) => context =>
        context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("oid", oid), new Claim("tid", "tenant-1")], "Bearer"));

    [TestMethod]
    public async Task Past_the_per_user_limit_a_request_gets_429_with_retry_after_and_a_problem()
    {
        using ApiRateLimiter limiter = Limiter(analyzePerMinute: 2);
        AnalyzeHandler handler = Handler(limiter);
        byte[] body = Encoding.UTF8.GetBytes(ColdAsk);

        for (int i = 0; i < 2; i++)
            Assert.AreEqual(StatusCodes.Status200OK, (await PostAsync(handler, body, SignedInAs("user-a"))).Response.StatusCode);
        DefaultHttpContext refused = await PostAsync(handler, body, SignedInAs("user-a"));

        Assert.AreEqual(StatusCodes.Status429TooManyRequests, refused.Response.StatusCode);
        Assert.AreEqual("application/problem+json", refused.Response.ContentType);
        int retryAfter = int.Parse(refused.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.IsTrue(retryAfter is >= 1 and <= 30, $"Retry-After {retryAfter}: one token comes back every 30 s");
        using var problem = JsonDocument.Parse(ResponseText(refused));
        Assert.AreEqual(429, problem.RootElement.GetProperty("status").GetInt32());
        StringAssert.Contains(problem.RootElement.GetProperty("detail").GetString(), "2 requests a minute");

        // Another user has a budget of their own.
        Assert.AreEqual(StatusCodes.Status200OK, (await PostAsync(handler, body, SignedInAs("user-b"))).Response.StatusCode);
    }

    [TestMethod]
    public async Task Without_sign_in_the_limit_is_per_client_address()
    {
        using ApiRateLimiter limiter = Limiter(analyzePerMinute: 1);
        AnalyzeHandler handler = Handler(limiter);
        byte[] body = Encoding.UTF8.GetBytes(ColdAsk);
        Action<DefaultHttpContext> From(string ip) => c => c.Connection.RemoteIpAddress = IPAddress.Parse(ip);

        Assert.AreEqual(StatusCodes.Status200OK, (await PostAsync(handler, body, From("127.0.0.1"))).Response.StatusCode);
        Assert.AreEqual(StatusCodes.Status429TooManyRequests, (await PostAsync(handler, body, From("127.0.0.1"))).Response.StatusCode);
        Assert.AreEqual(StatusCodes.Status200OK, (await PostAsync(handler, body, From("127.0.0.2"))).Response.StatusCode);
    }

    [TestMethod]
    public void Zero_turns_a_limit_off_and_a_word_is_a_configuration_error()
    {
        IConfiguration Settings(string value) => new ConfigurationBuilder().AddInMemoryCollection([new("RateLimits:ReportsPerMinute", value)]).Build();

        Assert.AreEqual(0, RateLimitSettings.From(Settings("0")).ReportsPerMinute);
        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(() => RateLimitSettings.From(Settings("lots")));
        StringAssert.Contains(error.Message, "RateLimits:ReportsPerMinute");
    }

    [TestMethod]
    public async Task A_response_past_its_routes_limit_becomes_a_500_problem_before_anything_is_sent()
    {
        DefaultHttpContext context = Get("/api/health");
        await ResponseSizeLimit.RunAsync(context, async () =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(new byte[ResponseSizeLimit.Health + 1]);
        });

        Assert.AreEqual(StatusCodes.Status500InternalServerError, context.Response.StatusCode);
        Assert.AreEqual("application/problem+json", context.Response.ContentType);
        StringAssert.Contains(ResponseText(context), "larger than 16,384 bytes");
    }

    [TestMethod]
    public async Task A_response_within_its_limit_passes_unchanged()
    {
        DefaultHttpContext context = Get("/api/rules");
        byte[] body = Encoding.UTF8.GetBytes("{\"rules\":[]}");
        await ResponseSizeLimit.RunAsync(context, () => context.Response.Body.WriteAsync(body).AsTask());

        Assert.AreEqual(200, context.Response.StatusCode);
        Assert.AreEqual("{\"rules\":[]}", ResponseText(context));
    }

    [TestMethod]
    [DataRow("localhost", true)]
    [DataRow("LOCALHOST:7071", true)]
    [DataRow("127.0.0.1:7071", true)]
    [DataRow("127.9.9.9", true)]
    [DataRow("[::1]:7071", true)]
    [DataRow("evil.example", false)]
    [DataRow("localhost.evil.example", false)]
    [DataRow("127.0.0.1.nip.example", false)]
    [DataRow("2130706433", false)]
    [DataRow("10.0.0.5", false)]
    [DataRow("", false)]
    public void Serve_answers_loopback_hosts_only(string host, bool allowed)
    {
        Assert.AreEqual(allowed, HostFilter.Loopback().Allows(host.Length == 0 ? default : new HostString(host)), host);
    }

    [TestMethod]
    public void The_functions_host_answers_any_host_unless_told_which()
    {
        Assert.IsTrue(HostFilter.FromSetting(null).Allows(new HostString("outreach.azurewebsites.net")));
        var listed = HostFilter.FromSetting("outreach.azurewebsites.net; api.addin.example");
        Assert.IsTrue(listed.Allows(new HostString("api.addin.example")));
        Assert.IsTrue(listed.Allows(new HostString("OUTREACH.azurewebsites.net:443")));
        Assert.IsFalse(listed.Allows(new HostString("rebound.evil.example")));
        Assert.IsFalse(listed.Allows(new HostString("localhost")), "loopback is not special on the Functions host");
    }
}

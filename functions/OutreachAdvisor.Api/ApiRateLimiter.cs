using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Api.Reports;
using OutreachAdvisor.Telemetry;

namespace OutreachAdvisor.Api;

/// <summary>How many requests one caller may make per minute on each limited route group (0 turns a limit off).</summary>
public sealed record RateLimitSettings
{
    /// <summary><c>POST /api/analyze</c> (the add-in checks on demand and on send: 60 a minute is far above one person's pace).</summary>
    public int AnalyzePerMinute { get; init; } = 60;

    /// <summary>The report routes together (starting, listing, polling, reading reports).</summary>
    public int ReportsPerMinute { get; init; } = 30;

    /// <summary>From <c>RateLimits:AnalyzePerMinute</c> and <c>RateLimits:ReportsPerMinute</c> (app settings <c>RateLimits__...</c>).</summary>
    public static RateLimitSettings From(IConfiguration? configuration)
    {
        var defaults = new RateLimitSettings();
        return configuration is null ? defaults : new RateLimitSettings
        {
            AnalyzePerMinute = Read(configuration, "RateLimits:AnalyzePerMinute", defaults.AnalyzePerMinute),
            ReportsPerMinute = Read(configuration, "RateLimits:ReportsPerMinute", defaults.ReportsPerMinute),
        };
    }

    private static int Read(IConfiguration configuration, string key, int fallback)
    {
        string? text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidOperationException($"{key} must be a whole number of requests per minute (0 for no limit), not '{text}'.");
    }
}

/// <summary>
/// Per-user request limits: a token bucket per caller (the signed-in user's tenant and object id, or the client
/// address where there is no sign-in, as under <c>outreach serve</c>) from System.Threading.RateLimiting, the
/// limiters behind ASP.NET Core's rate limiting middleware. The handlers acquire after sign-in, so the key is a
/// validated identity (an unsigned caller cannot pick a fresh key per request); a refusal is a 429 problem with
/// <c>Retry-After</c>. The middleware itself cannot be used: the Functions worker has no ASP.NET Core
/// middleware pipeline (docs/operations.md).
/// </summary>
public sealed class ApiRateLimiter : IDisposable
{
    public const string AnalyzePolicy = "analyze";
    public const string ReportsPolicy = "reports";

    private readonly PartitionedRateLimiter<HttpContext>? _analyze;
    private readonly PartitionedRateLimiter<HttpContext>? _reports;

    public ApiRateLimiter(RateLimitSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _analyze = Create(settings.AnalyzePerMinute);
        _reports = Create(settings.ReportsPerMinute);
    }

    public RateLimitSettings Settings { get; }

    /// <summary>Whose budget a request spends: <c>user:{tid}/{oid}</c> when signed in, else <c>address:{client IP}</c>.</summary>
    public static string PartitionKey(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClaimsPrincipal user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            string? oid = user.FindFirst("oid")?.Value ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/objectidentifier")?.Value;
            string? tid = user.FindFirst("tid")?.Value ?? user.FindFirst("http://schemas.microsoft.com/identity/claims/tenantid")?.Value;
            string? subject = oid ?? user.FindFirst("sub")?.Value;
            if (subject is not null)
                return $"user:{tid}/{subject}";
        }
        IPAddress? address = context.Connection.RemoteIpAddress;
        return "address:" + (address is null ? "unknown" : address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString());
    }

    /// <summary>
    /// Takes one request from the caller's budget. When it is spent, writes the 429 problem (with <c>Retry-After</c>
    /// in whole seconds) and returns false: the caller must then not write anything else.
    /// </summary>
    public async ValueTask<bool> TryAcquireAsync(HttpContext context, string policy)
    {
        ArgumentNullException.ThrowIfNull(context);
        PartitionedRateLimiter<HttpContext>? limiter = policy switch
        {
            AnalyzePolicy => _analyze,
            ReportsPolicy => _reports,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "no such rate-limit policy"),
        };
        if (limiter is null)
            return true;
        using RateLimitLease lease = limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
            return true;

        TimeSpan retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan wait) ? wait : TimeSpan.FromSeconds(1);
        int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        OutreachTelemetry.RateLimitRefusals.Add(1, new KeyValuePair<string, object?>("policy", policy));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        int perMinute = policy == AnalyzePolicy ? Settings.AnalyzePerMinute : Settings.ReportsPerMinute;
        await Problems.WriteAsync(context.Response, Problems.TooManyRequests(perMinute, seconds), context.RequestAborted).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// The report routes' limit: the caller is signed in first (<see cref="ReportSignIn"/>) so the budget is the
    /// user's; a caller without a valid token spends nothing here, since the handler answers 401 anyway.
    /// <paramref name="services"/> is the host's container when the trigger has its own (the Functions app's report
    /// functions), else the request's.
    /// </summary>
    public static async ValueTask<bool> TryAcquireForReportsAsync(HttpContext context, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        services ??= context.RequestServices;
        if (services?.GetService<ApiRateLimiter>() is not { } limiter || limiter._reports is null)
            return true;
        if (services.GetService<IReportSignIn>() is { } signIn)
        {
            try
            {
                await signIn.AuthenticateAsync(context, context.RequestAborted).ConfigureAwait(false);
            }
            catch (UnauthorizedException)
            {
                return true;
            }
        }
        return await limiter.TryAcquireAsync(context, ReportsPolicy).ConfigureAwait(false);
    }

    /// <summary>
    /// A bucket of <paramref name="perMinute"/> requests, refilled evenly over the minute (a burst of a full minute's
    /// worth is allowed, then one request every 60/N seconds). Idle callers' buckets are dropped by the partitioned limiter.
    /// </summary>
    private static PartitionedRateLimiter<HttpContext>? Create(int perMinute) =>
        perMinute <= 0 ? null : PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetTokenBucketLimiter(
            PartitionKey(context),
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public void Dispose()
    {
        _analyze?.Dispose();
        _reports?.Dispose();
    }
}

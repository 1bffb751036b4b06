using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Identity.Tests;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>A clock the test sets.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Stands in for the report engine: reads all the mail, counts it, and writes a small report with the
/// contract's headline fields. <see cref="Fail"/> makes it throw instead (after reading).
/// </summary>
public sealed class CountingBuilder : IReportBuilder
{
    private int _builds;

    public int Builds => Volatile.Read(ref _builds);

    public int LastMailRead { get; private set; }

    public Func<Exception>? Fail { get; set; }

    public async Task<BuiltReport> BuildAsync(ReportJob job, IReportMailSource source, OutreachAdvisor.Reports.Model.OutreachState? previous, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _builds);
        int sent = 0, received = 0;
        await foreach (ReportMail mail in source.ReadAsync(job.Since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), cancellationToken))
        {
            if (mail.From.Address == FakeMailSources.Me)
                sent++;
            else
                received++;
        }
        LastMailRead = sent + received;
        if (Fail is { } fail)
            throw fail();
        var summary = new ReportSummary(sent, sent, received, sent == 0 ? 0 : (double)received / sent, 70.5);
        string json = new JsonObject
        {
            ["me"] = FakeMailSources.Me,
            ["from"] = job.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["sentMessages"] = sent,
            ["outreachMessages"] = sent,
            ["replied"] = received,
            ["replyRate"] = summary.ReplyRate,
            ["averageScore"] = 70.5,
            ["mailRead"] = LastMailRead,
        }.ToJsonString();
        string html = $"<!doctype html><html><head><style>body{{font-family:sans-serif}}</style></head><body><h1>Report {job.Id}</h1><p>{sent} sent</p></body></html>";
        return new BuiltReport(json, html, summary);
    }
}

/// <summary>A mailbox of <see cref="Sent"/> sent and <see cref="Received"/> received messages; counts commits.</summary>
public sealed class FakeMailSources : IReportMailSourceFactory
{
    public const string Me = "ann@lee.example";

    public int Sent { get; set; } = 3;
    public int Received { get; set; } = 1;
    public int Opened { get; private set; }
    public int Commits { get; private set; }

    public ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken)
    {
        Opened++;
        return ValueTask.FromResult(new ReportMailSession(new Source(this), _ =>
        {
            Commits++;
            return Task.CompletedTask;
        }));
    }

    private sealed class Source(FakeMailSources mailbox) : IReportMailSource
    {
        public string Name => "fake";

        public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            for (int i = 0; i < mailbox.Sent; i++)
                yield return new ReportMail { Id = $"out-{i}", ConversationId = $"c{i}", From = new EmailAddress("Ann", Me), To = [new EmailAddress(null, $"p{i}@shape.example")], Date = since.AddDays(1), Body = "Hello" };
            for (int i = 0; i < mailbox.Received; i++)
                yield return new ReportMail { Id = $"in-{i}", ConversationId = $"c{i}", From = new EmailAddress(null, $"p{i}@shape.example"), To = [new EmailAddress("Ann", Me)], Date = since.AddDays(2) };
        }
    }
}

/// <summary>Bearer tokens from the local OpenID server for any user (its MintToken has one fixed oid).</summary>
internal static class Tokens
{
    public static readonly Guid Ann = Guid.Parse("99999999-8888-7777-6666-555555555555");

    public static string For(LocalOpenIdServer server, Guid oid, Guid? tid = null)
    {
        DateTime now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = server.Issuer,
            Audience = LocalOpenIdServer.ClientId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["oid"] = oid.ToString("D"),
                ["tid"] = (tid ?? Guid.Parse(LocalOpenIdServer.Tenant)).ToString("D"),
                ["scp"] = "access_as_user",
                ["ver"] = "2.0",
            },
            SigningCredentials = new SigningCredentials(server.SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return "Bearer " + new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

/// <summary>HttpContexts as the Functions host hands them to triggers, and what was written to them.</summary>
internal static class Http
{
    public static DefaultHttpContext Request(string method, string path, string? authorization, string? json = null, string? idempotencyKey = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (json is not null)
        {
            byte[] body = Encoding.UTF8.GetBytes(json);
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body);
        }
        if (authorization is not null)
            context.Request.Headers.Authorization = authorization;
        if (idempotencyKey is not null)
            context.Request.Headers["Idempotency-Key"] = idempotencyKey;
        context.Response.Body = new MemoryStream();
        return context;
    }

    public static string Text(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    public static JsonNode Json(HttpContext context) => JsonNode.Parse(Text(context))!;
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// The report routes (contract section 4). Every route needs a valid Entra token (401 problem otherwise);
/// a report is visible only to its owner (<c>tid</c> + <c>oid</c>): anyone else gets the same 404 as for an
/// id that does not exist, so ids do not leak.
/// </summary>
public sealed class ReportHandlers(IReportSignIn signIn, ReportJobService jobs, TimeProvider? time = null)
{
    /// <summary>The most a POST body may hold: two small fields.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>The default period when the POST gives no <c>since</c>.</summary>
    public const int DefaultDays = 90;

    /// <summary>The longest period a report may cover (it bounds what one job reads from Graph).</summary>
    public const int MaxDays = 366;

    public const int MaxListed = 50;

    /// <summary>The report page's policy: no scripts, no requests; inline styles and data: images only.</summary>
    public const string HtmlContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private readonly TimeProvider _clock = time ?? TimeProvider.System;

    /// <summary>
    /// Whether this host runs the Monday report (the Functions app's timer). <c>outreach serve</c> has none:
    /// there <c>POST /api/reports/schedule</c> answers 409 saying so, rather than accepting a choice it cannot keep.
    /// </summary>
    public bool WeeklyAvailable { get; init; } = true;

    /// <summary><c>POST /api/reports</c>: 202 with <c>Location</c>; the same Idempotency-Key gives the same report.</summary>
    public async Task PostAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CancellationToken cancellationToken = context.RequestAborted;
        ReportOwner? owner = await OwnerAsync(context).ConfigureAwait(false);
        if (owner is null)
            return;

        string? key = context.Request.Headers["Idempotency-Key"].ToString() is { Length: > 0 } header ? header : null;
        if (key is not null && (key.Length > 200 || key.Any(c => c is < '!' or > '~')))
        {
            await Problems.WriteAsync(context.Response, Problems.BadRequest("Idempotency-Key", "use 1 to 200 visible ASCII characters"), cancellationToken).ConfigureAwait(false);
            return;
        }

        (DateOnly since, bool includeBodies, Problem? problem) = await ReadPostBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            await Problems.WriteAsync(context.Response, problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Without a key every request is a new report; with one, a retry of the same request is the same report.
        string idempotencyKey = key is not null ? "key:" + key : "request:" + context.TraceIdentifier;
        ReportJob job = ReportJob.Create(owner, since, includeBodies, idempotencyKey) with { Language = AnalyzeHandler.UiLanguageOf(context.Request) };
        ReportRecord record;
        try
        {
            (record, _) = await jobs.SubmitAsync(job, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportQueueFullException full)
        {
            context.Response.Headers.RetryAfter = "60";
            await Problems.WriteAsync(context.Response, new Problem("https://httpstatuses.io/503", "Too many reports are waiting.", StatusCodes.Status503ServiceUnavailable,
                full.Message), cancellationToken).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
        context.Response.Headers.Location = ReportRoutes.Location(record.Id);
        context.Response.Headers.RetryAfter = "5";
        await WriteJsonAsync(context, ReportStatusBody.From(record), ReportsApiJson.Default.ReportStatusBody).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/reports</c>: the caller's reports, newest first.</summary>
    public async Task ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ReportOwner? owner = await OwnerAsync(context).ConfigureAwait(false);
        if (owner is null)
            return;
        IReadOnlyList<ReportRecord> records = await jobs.Store.ListAsync(owner.Key, MaxListed, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await WriteJsonAsync(context, new ReportListBody(records.Select(ReportStatusBody.From).ToArray()), ReportsApiJson.Default.ReportListBody).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/reports/{id}</c>: the status while queued, running or failed; the report JSON once done.</summary>
    public async Task GetAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ReportRecord? record = await OwnedAsync(context, id).ConfigureAwait(false);
        if (record is null)
            return;
        CancellationToken cancellationToken = context.RequestAborted;
        NoStore(context.Response);
        if (record.Status != ReportStatus.Done)
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            if (record.Status is ReportStatus.Queued or ReportStatus.Running)
                context.Response.Headers.RetryAfter = "5";
            await WriteJsonAsync(context, ReportStatusBody.From(record), ReportsApiJson.Default.ReportStatusBody).ConfigureAwait(false);
            return;
        }
        await StreamBlobAsync(context, record.JsonBlobName, "application/json; charset=utf-8").ConfigureAwait(false);
    }

    /// <summary><c>GET /api/reports/{id}/html</c>: the report page, under a strict Content-Security-Policy.</summary>
    public async Task GetHtmlAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        ReportRecord? record = await OwnedAsync(context, id).ConfigureAwait(false);
        if (record is null)
            return;
        if (record.Status != ReportStatus.Done)
        {
            await Problems.WriteAsync(context.Response, new Problem("https://httpstatuses.io/409", "The report is not ready.", StatusCodes.Status409Conflict,
                $"The report is {record.Status}; its page exists once it is done."), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        context.Response.Headers.ContentSecurityPolicy = HtmlContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        await StreamBlobAsync(context, record.HtmlBlobName, "text/html; charset=utf-8").ConfigureAwait(false);
    }

    /// <summary><c>POST /api/reports/schedule</c> with <c>{"weekly": true|false}</c>: opts the caller in or out of the Monday report.</summary>
    public async Task ScheduleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CancellationToken cancellationToken = context.RequestAborted;
        ReportOwner? owner = await OwnerAsync(context).ConfigureAwait(false);
        if (owner is null)
            return;
        (JsonElement? body, Problem? problem) = await ReadJsonObjectAsync(context.Request, required: true, cancellationToken).ConfigureAwait(false);
        bool weekly = false;
        if (problem is null)
        {
            foreach (JsonProperty property in body!.Value.EnumerateObject())
            {
                if (property.Name != "weekly")
                    problem = Problems.BadRequest(property.Name, "unknown field; send only weekly");
                else if (property.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    weekly = property.Value.GetBoolean();
                else
                    problem = Problems.BadRequest("weekly", "must be true or false");
            }
            if (problem is null && !body.Value.TryGetProperty("weekly", out _))
                problem = Problems.BadRequest("weekly", "is required (true or false)");
        }
        if (problem is not null)
        {
            await Problems.WriteAsync(context.Response, problem, cancellationToken).ConfigureAwait(false);
            return;
        }
        if (!WeeklyAvailable)
        {
            await Problems.WriteAsync(context.Response, new Problem("https://httpstatuses.io/409", "Weekly reports are not available here.", StatusCodes.Status409Conflict,
                "This server makes reports on request only; weekly reports run where the service is deployed with its timer (see docs/reports-azure.md)."), cancellationToken).ConfigureAwait(false);
            return;
        }

        await jobs.Store.SetWeeklyAsync(owner, weekly, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await WriteJsonAsync(context, new ScheduleBody(weekly), ReportsApiJson.Default.ScheduleBody).ConfigureAwait(false);
    }

    private async Task<ReportOwner?> OwnerAsync(HttpContext context)
    {
        try
        {
            return await signIn.AuthenticateAsync(context, context.RequestAborted).ConfigureAwait(false);
        }
        catch (UnauthorizedException unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context.Response, Problems.Unauthorized(unauthorized.Message), context.RequestAborted).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>The caller's report with this id, or a 404 written (for a missing id and for someone else's alike).</summary>
    private async Task<ReportRecord?> OwnedAsync(HttpContext context, string id)
    {
        ReportOwner? owner = await OwnerAsync(context).ConfigureAwait(false);
        if (owner is null)
            return null;
        ReportRecord? record = ReportIds.IsValid(id) ? await jobs.Store.GetAsync(owner.Key, id, context.RequestAborted).ConfigureAwait(false) : null;
        if (record is null)
            await Problems.WriteAsync(context.Response, Problems.NotFound("No report with this id."), context.RequestAborted).ConfigureAwait(false);
        return record;
    }

    private async Task StreamBlobAsync(HttpContext context, string blobName, string contentType)
    {
        Stream? blob = await jobs.Store.OpenAsync(blobName, context.RequestAborted).ConfigureAwait(false);
        if (blob is null)
        {
            await Problems.WriteAsync(context.Response, new Problem("https://httpstatuses.io/500", "The report is missing.", StatusCodes.Status500InternalServerError,
                "The report is marked done but its stored file is missing."), context.RequestAborted).ConfigureAwait(false);
            return;
        }
        await using (blob.ConfigureAwait(false))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = contentType;
            NoStore(context.Response);
            await blob.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task<(DateOnly Since, bool IncludeBodies, Problem? Problem)> ReadPostBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        DateOnly since = today.AddDays(-DefaultDays);
        bool includeBodies = false;
        (JsonElement? body, Problem? problem) = await ReadJsonObjectAsync(request, required: false, cancellationToken).ConfigureAwait(false);
        if (problem is not null || body is null)
            return (since, includeBodies, problem);

        foreach (JsonProperty property in body.Value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "since":
                    if (property.Value.ValueKind != JsonValueKind.String
                        || !DateOnly.TryParseExact(property.Value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out since))
                        return (since, includeBodies, Problems.BadRequest("since", "must be a date as YYYY-MM-DD"));
                    if (since > today)
                        return (since, includeBodies, Problems.BadRequest("since", "must not be in the future"));
                    if (since < today.AddDays(-MaxDays))
                        return (since, includeBodies, Problems.BadRequest("since", $"must be at most {MaxDays} days ago"));
                    break;
                case "includeBodies":
                    if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                        return (since, includeBodies, Problems.BadRequest("includeBodies", "must be true or false"));
                    includeBodies = property.Value.GetBoolean();
                    break;
                default:
                    return (since, includeBodies, Problems.BadRequest(property.Name, "unknown field; send since and includeBodies only"));
            }
        }
        return (since, includeBodies, null);
    }

    /// <summary>A small JSON object body; null (and no problem) for an empty body when it is optional.</summary>
    private static async Task<(JsonElement? Body, Problem? Problem)> ReadJsonObjectAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
            return (null, Problems.TooLarge(MaxBodyBytes));
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                return (null, Problems.TooLarge(MaxBodyBytes));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return required ? (null, Problems.BadRequest("body", "send a JSON object")) : (null, null);
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return (null, Problems.UnsupportedMediaType(request.ContentType));
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (null, Problems.BadRequest("body", "must be a JSON object"));
        }
        catch (JsonException)
        {
            return (null, Problems.BadRequest("body", "is not valid JSON"));
        }
    }

    private static void NoStore(HttpResponse response) => response.Headers.CacheControl = "private, no-store";

    private static async Task WriteJsonAsync<T>(HttpContext context, T body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        NoStore(context.Response);
        await JsonSerializer.SerializeAsync(context.Response.Body, body, type, context.RequestAborted).ConfigureAwait(false);
    }
}

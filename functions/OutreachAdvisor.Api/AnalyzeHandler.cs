using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Telemetry;

namespace OutreachAdvisor.Api;

/// <summary>
/// <c>POST /api/analyze</c>: the contract's section 2. Thin: sign in, spend the caller's rate limit, read,
/// analyse, cap, write. Sign-in comes first so that an unauthenticated caller learns nothing of the schema.
/// </summary>
public sealed class AnalyzeHandler(IAnalysisSources sources, OutreachAnalyzer analyzer, ApiRateLimiter? limiter = null)
{
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        CancellationToken cancellationToken = context.RequestAborted;
        ContextSources contextSources;
        try
        {
            contextSources = await sources.ForRequestAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedException unauthorized)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context.Response, Problems.Unauthorized(unauthorized.Message), cancellationToken).ConfigureAwait(false);
            return;
        }
        if (limiter is not null && !await limiter.TryAcquireAsync(context, ApiRateLimiter.AnalyzePolicy).ConfigureAwait(false))
            return;

        AnalyzeRequestReader.Outcome request = await AnalyzeRequestReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (request.Problem is not null)
        {
            // The body was refused unread: the connection cannot be reused for another request.
            if (request.Problem.Status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
                context.Response.Headers.Connection = "close";
            await Problems.WriteAsync(context.Response, request.Problem, cancellationToken).ConfigureAwait(false);
            return;
        }

        string uiLanguage = UiLanguageOf(context.Request);
        AnalysisResult result;
        using (Activity? activity = OutreachTelemetry.Source.StartActivity("analyze", ActivityKind.Internal))
        {
            long started = Stopwatch.GetTimestamp();
            result = await analyzer.AnalyzeAsync(request.Message!, TracedSources.Wrap(contextSources), uiLanguage, cancellationToken).ConfigureAwait(false);
            Record(activity, result, Stopwatch.GetElapsedTime(started), contextSources);
        }

        (_, byte[] json) = ResultCaps.Apply(result);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentLanguage = uiLanguage;
        context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        // One buffer with a Content-Length: a single write instead of chunked pieces (fewer syscalls under load).
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts and names only: rules, severities, providers. Never the message's words or addresses.</summary>
    private static void Record(Activity? activity, AnalysisResult result, TimeSpan elapsed, ContextSources contextSources)
    {
        var mailbox = new KeyValuePair<string, object?>("mailbox", contextSources.Mailbox?.Name ?? "none");
        var language = new KeyValuePair<string, object?>("language.provider", contextSources.Language?.Name ?? "built-in");
        OutreachTelemetry.AnalysisDuration.Record(elapsed.TotalSeconds, mailbox, language);
        foreach (Finding finding in result.Findings)
        {
            OutreachTelemetry.Findings.Add(1, new KeyValuePair<string, object?>("rule", finding.Rule),
                new KeyValuePair<string, object?>("severity", finding.Severity.ToString().ToLowerInvariant()));
        }
        if (activity is null)
            return;
        activity.SetTag("outreach.findings", result.Findings.Count);
        activity.SetTag("outreach.checked", result.Coverage.Checked);
        activity.SetTag("outreach.skipped", result.Checks.Count(c => c.Status == CheckStatus.Skipped));
        activity.SetTag("outreach.scored", result.Score is not null);
    }

    /// <summary>The first of Accept-Language's languages (by quality) that findings are written in; English otherwise.</summary>
    public static string UiLanguageOf(HttpRequest request)
    {
        IList<StringWithQualityHeaderValue> accepted = request.GetTypedHeaders().AcceptLanguage;
        foreach (StringWithQualityHeaderValue language in accepted.OrderByDescending(l => l.Quality ?? 1))
        {
            StringSegment tag = language.Value;
            foreach (string supported in UiLanguages.Supported)
            {
                if (tag.StartsWith(supported, StringComparison.OrdinalIgnoreCase))
                    return supported;
            }
        }
        return "en";
    }
}

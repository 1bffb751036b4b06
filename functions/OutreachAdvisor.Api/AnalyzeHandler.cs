using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Api;

/// <summary><c>POST /api/analyze</c>: the contract's section 2. Thin: read, analyse, write.</summary>
public sealed class AnalyzeHandler(IAnalysisSources sources, OutreachAnalyzer analyzer)
{
    public async Task HandleAsync(HttpContext context)
    {
        CancellationToken cancellationToken = context.RequestAborted;
        AnalyzeRequestReader.Outcome request = await AnalyzeRequestReader.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (request.Problem is not null)
        {
            // The body was refused unread: the connection cannot be reused for another request.
            if (request.Problem.Status is StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType)
                context.Response.Headers.Connection = "close";
            await Problems.WriteAsync(context.Response, request.Problem, cancellationToken).ConfigureAwait(false);
            return;
        }

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

        string uiLanguage = UiLanguageOf(context.Request);
        AnalysisResult result = await analyzer.AnalyzeAsync(request.Message!, contextSources, uiLanguage, cancellationToken).ConfigureAwait(false);

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentLanguage = uiLanguage;
        context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        // One buffer with a Content-Length: a single write instead of chunked pieces (fewer syscalls under load).
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(result, AnalysisJsonContext.Default.AnalysisResult);
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, cancellationToken).ConfigureAwait(false);
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

using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Api;

/// <summary>
/// <c>GET /api/rules</c>: the rule catalogue in the language of Accept-Language (contract section 7).
/// It holds no user data, so it needs no sign-in and may be cached; clients show rule names, categories
/// and the send policy from it.
/// </summary>
public sealed class RulesHandler
{
    // Rendered once per language: the catalogue only changes with a new build.
    private readonly Dictionary<string, byte[]> _bodies = Analysis.UiLanguages.Supported
        .ToDictionary(l => l, l => JsonSerializer.SerializeToUtf8Bytes(RuleCatalogView.For(l), AnalysisJsonContext.Default.RuleCatalogView));

    public async Task HandleAsync(HttpContext context)
    {
        string language = AnalyzeHandler.UiLanguageOf(context.Request);
        byte[] body = _bodies[language];
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.ContentLanguage = language;
        context.Response.Headers.Vary = HeaderNames.AcceptLanguage;
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}

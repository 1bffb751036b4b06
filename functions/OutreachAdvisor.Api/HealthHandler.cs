using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Api;

/// <summary><c>GET /api/health</c>.</summary>
public sealed class HealthHandler(IAnalysisSources sources)
{
    private static readonly string Version =
        typeof(HealthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public async Task HandleAsync(HttpContext context)
    {
        var report = new HealthReport("ok", Version, sources.MailboxName, sources.LanguageName, RuleCatalog.BuiltIn.Select(r => r.Description.Name).ToArray());
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await JsonSerializer.SerializeAsync(context.Response.Body, report, ApiJsonContext.Default.HealthReport, context.RequestAborted).ConfigureAwait(false);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OutreachAdvisor.Api;

namespace OutreachAdvisor.Functions;

/// <summary>
/// The HTTP triggers. Anonymous at the Functions level on purpose: the handlers validate the Entra
/// bearer token themselves (function keys would not identify the user for the on-behalf-of flow).
/// </summary>
public sealed class HttpFunctions(AnalyzeHandler analyze, HealthHandler health, RulesHandler rules)
{
    [Function("analyze")]
    public async Task<IActionResult> AnalyzeAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "analyze")] HttpRequest request)
    {
        await analyze.HandleAsync(request.HttpContext).ConfigureAwait(false);
        return new EmptyResult();
    }

    [Function("health")]
    public async Task<IActionResult> HealthAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request)
    {
        await health.HandleAsync(request.HttpContext).ConfigureAwait(false);
        return new EmptyResult();
    }

    [Function("rules")]
    public async Task<IActionResult> RulesAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rules")] HttpRequest request)
    {
        await rules.HandleAsync(request.HttpContext).ConfigureAwait(false);
        return new EmptyResult();
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Api.Reports;

namespace OutreachAdvisor.Api;

/// <summary>Registers and maps the API's handlers; the Functions app calls the same handler classes from its triggers.</summary>
public static class OutreachApi
{
    public static IServiceCollection AddOutreachApi(this IServiceCollection services, IAnalysisSources sources) =>
        services.AddOutreachApi(_ => sources);

    public static IServiceCollection AddOutreachApi(this IServiceCollection services, Func<IServiceProvider, IAnalysisSources> sources)
    {
        services.AddSingleton(sources);
        services.AddSingleton(OutreachAnalyzer.Default);
        // Per-user limits from RateLimits:* settings (IConfiguration, when the host registers one).
        services.TryAddSingleton(sp => new ApiRateLimiter(RateLimitSettings.From(sp.GetService<IConfiguration>())));
        // ...checked when the host starts, so a bad value stops start-up naming the setting (not the first request).
        ApiSettingsValidation.Register(services);
        services.AddSingleton<AnalyzeHandler>();
        services.AddSingleton<HealthHandler>();
        services.AddSingleton<RulesHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapOutreachApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/analyze", (HttpContext context, AnalyzeHandler handler) => handler.HandleAsync(context));
        endpoints.MapGet("/api/health", (HttpContext context, HealthHandler handler) => handler.HandleAsync(context));
        endpoints.MapGet("/api/rules", (HttpContext context, RulesHandler handler) => handler.HandleAsync(context));
        // Report routes: 501 unless report storage is registered (AddOutreachReports); see docs/reports-azure.md.
        endpoints.MapReportRoutes();
        return endpoints;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// Maps the report routes for <c>outreach serve</c> (Kestrel). Reports need Azure Storage and sign-in:
/// where <see cref="ReportHandlers"/> is not registered (the default for <c>outreach serve</c>) every report
/// route answers 501 with a problem saying so. The Functions app calls the same handlers from its triggers.
/// </summary>
public static class ReportRoutes
{
    public const string NotAvailableDetail =
        "Reports need storage and sign-in: set Storage:ConnectionString (or Storage:AccountName) and the AzureAd settings, and run the report job queue function (see docs/reports-azure.md).";

    public static string Location(string id) => "/api/reports/" + id;

    public static IEndpointRouteBuilder MapReportRoutes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/reports", (HttpContext context) => Dispatch(context, h => h.PostAsync(context)));
        endpoints.MapGet("/api/reports", (HttpContext context) => Dispatch(context, h => h.ListAsync(context)));
        endpoints.MapPost("/api/reports/schedule", (HttpContext context) => Dispatch(context, h => h.ScheduleAsync(context)));
        endpoints.MapGet("/api/reports/{id}", (HttpContext context, string id) => Dispatch(context, h => h.GetAsync(context, id)));
        endpoints.MapGet("/api/reports/{id}/html", (HttpContext context, string id) => Dispatch(context, h => h.GetHtmlAsync(context, id)));
        return endpoints;
    }

    private static async Task Dispatch(HttpContext context, Func<ReportHandlers, Task> handle)
    {
        if (context.RequestServices.GetService<ReportHandlers>() is not { } handlers)
        {
            await NotAvailableAsync(context).ConfigureAwait(false);
            return;
        }
        // Per-user rate limit (docs/operations.md); a refusal has been written as a 429 problem.
        if (await ApiRateLimiter.TryAcquireForReportsAsync(context).ConfigureAwait(false))
            await handle(handlers).ConfigureAwait(false);
    }

    public static Task NotAvailableAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Problems.WriteAsync(context.Response,
            new Problem("https://httpstatuses.io/501", "Reports are not available here.", StatusCodes.Status501NotImplemented, NotAvailableDetail),
            context.RequestAborted);
    }
}

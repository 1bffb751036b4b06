using System.Diagnostics;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Api;
using OutreachAdvisor.Api.Reports;
using OutreachAdvisor.ReportJobs;
using OutreachAdvisor.Telemetry;

namespace OutreachAdvisor.Functions;

/// <summary>
/// The report triggers: HTTP routes over <see cref="ReportHandlers"/> (anonymous at the Functions level:
/// the handlers check the Entra token), the <c>report-jobs</c> queue trigger that runs a job, the poison
/// queue trigger that fails jobs the host gave up on, and the Monday 06:00 UTC timer for weekly reports.
/// The queue triggers use the host's storage connection (<c>AzureWebJobsStorage</c>), which infra points at
/// the same account as the app's own <c>Storage</c> clients. See docs/reports-azure.md.
/// </summary>
public sealed class ReportFunctions(IServiceProvider services)
{
    /// <summary>Monday 06:00 (UTC: Flex Consumption on Linux has no WEBSITE_TIME_ZONE).</summary>
    public const string WeeklySchedule = "0 0 6 * * 1";

    private ReportHandlers? Handlers => services.GetService<ReportHandlers>();

    [Function("reports-create")]
    public Task<IActionResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports")] HttpRequest request) =>
        HandleAsync(request, h => h.PostAsync(request.HttpContext));

    [Function("reports-list")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports")] HttpRequest request) =>
        HandleAsync(request, h => h.ListAsync(request.HttpContext));

    [Function("reports-schedule")]
    public Task<IActionResult> ScheduleAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "reports/schedule")] HttpRequest request) =>
        HandleAsync(request, h => h.ScheduleAsync(request.HttpContext));

    [Function("reports-get")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{id}")] HttpRequest request, string id) =>
        HandleAsync(request, h => h.GetAsync(request.HttpContext, id));

    [Function("reports-html")]
    public Task<IActionResult> GetHtmlAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{id}/html")] HttpRequest request, string id) =>
        HandleAsync(request, h => h.GetHtmlAsync(request.HttpContext, id));

    /// <summary>
    /// Runs one delivery of a job. Transient failures throw (the host retries after visibilityTimeout, and after
    /// maxDequeueCount = 5 moves the message to <c>report-jobs-poison</c>); permanent ones mark the job failed.
    /// </summary>
    [Function("report-job")]
    public async Task RunJobAsync([QueueTrigger(ReportStorage.QueueName)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using Activity? activity = OutreachTelemetry.Source.StartActivity("report-job", ActivityKind.Consumer);
        activity?.SetTag("outreach.dequeue_count", message.DequeueCount);
        long started = Stopwatch.GetTimestamp();
        string outcome = "completed";
        try
        {
            await Runner().RunAsync(message.Body?.ToString(), message.MessageId, message.DequeueCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Thrown means transient: the host delivers it again (or moves it to the poison queue).
            outcome = "retried";
            OutreachTelemetry.Fail(activity, error);
            throw;
        }
        finally
        {
            activity?.SetTag("outreach.outcome", outcome);
            OutreachTelemetry.ReportJobs.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
            OutreachTelemetry.ReportJobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    /// <summary>A message the host gave up on: its job is marked failed (unless it finished), then the message is consumed.</summary>
    [Function("report-job-poison")]
    public async Task PoisonAsync([QueueTrigger(ReportStorage.PoisonQueueName)] QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using Activity? activity = OutreachTelemetry.Source.StartActivity("report-job.poisoned", ActivityKind.Consumer);
        OutreachTelemetry.ReportJobs.Add(1, new KeyValuePair<string, object?>("outcome", "poisoned"));
        await Runner().MarkPoisonedAsync(message.Body?.ToString(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues this week's report for every owner who opted in (idempotent per ISO week).</summary>
    [Function("reports-weekly")]
    public async Task WeeklyAsync([TimerTrigger(WeeklySchedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ReportJobService jobs = services.GetService<ReportJobService>()
            ?? throw new InvalidOperationException(ReportRoutes.NotAvailableDetail);
        await jobs.ScheduleWeeklyAsync(cancellationToken).ConfigureAwait(false);
    }

    private ReportJobRunner Runner() =>
        services.GetService<ReportJobRunner>() ?? throw new InvalidOperationException(ReportRoutes.NotAvailableDetail);

    private async Task<IActionResult> HandleAsync(HttpRequest request, Func<ReportHandlers, Task> handle)
    {
        if (Handlers is { } handlers)
        {
            // Per-user rate limit (docs/operations.md); a refusal has been written as a 429 problem.
            if (await ApiRateLimiter.TryAcquireForReportsAsync(request.HttpContext, services).ConfigureAwait(false))
                await handle(handlers).ConfigureAwait(false);
        }
        else
            await ReportRoutes.NotAvailableAsync(request.HttpContext).ConfigureAwait(false);
        return new EmptyResult();
    }
}

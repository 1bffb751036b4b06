using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OutreachAdvisor.Telemetry;

/// <summary>
/// The one ActivitySource and Meter of OutreachAdvisor (both named <see cref="Name"/>). Tags are fixed
/// vocabularies only - rule names, severities, provider names, outcomes, counts - never message text,
/// subjects, addresses, URLs or exception messages (those can quote all of them).
/// </summary>
public static class OutreachTelemetry
{
    public const string Name = "OutreachAdvisor";

    public static readonly ActivitySource Source = new(Name, typeof(OutreachTelemetry).Assembly.GetName().Version?.ToString());

    public static readonly Meter Meter = new(Name, typeof(OutreachTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Time of one analysis, context stage included (tags: mailbox, language provider).</summary>
    public static readonly Histogram<double> AnalysisDuration =
        Meter.CreateHistogram<double>("outreach.analysis.duration", "s", "Time of one analysis, the context stage included");

    /// <summary>Findings reported (tags: rule, severity).</summary>
    public static readonly Counter<long> Findings =
        Meter.CreateCounter<long>("outreach.findings", "{finding}", "Findings reported, by rule and severity");

    /// <summary>A provider failed or was slow and the analysis went on without it (tags: provider, reason).</summary>
    public static readonly Counter<long> ProviderFallbacks =
        Meter.CreateCounter<long>("outreach.provider.fallbacks", "{fallback}", "Calls to a provider that failed or timed out, so the analysis went on without it");

    /// <summary>Provider calls that ran out of time (tags: provider).</summary>
    public static readonly Counter<long> ProviderTimeouts =
        Meter.CreateCounter<long>("outreach.provider.timeouts", "{timeout}", "Calls to a provider that ran out of time");

    /// <summary>Found-at page checks (tag: outcome = listed, not-listed, unavailable, timeout, failed).</summary>
    public static readonly Counter<long> FoundAtChecks =
        Meter.CreateCounter<long>("outreach.found_at.checks", "{check}", "Found-at page checks by outcome");

    /// <summary>Requests refused by a rate limit (tag: policy = analyze, reports).</summary>
    public static readonly Counter<long> RateLimitRefusals =
        Meter.CreateCounter<long>("outreach.rate_limit.refusals", "{request}", "Requests refused with 429 by a per-user rate limit");

    /// <summary>Report job deliveries (tag: outcome = completed, retried, poisoned).</summary>
    public static readonly Counter<long> ReportJobs =
        Meter.CreateCounter<long>("outreach.report.jobs", "{delivery}", "Report job deliveries by outcome");

    /// <summary>Time of one report job delivery.</summary>
    public static readonly Histogram<double> ReportJobDuration =
        Meter.CreateHistogram<double>("outreach.report.job.duration", "s", "Time of one report job delivery");

    /// <summary>Marks a span failed with the exception's type only: its message may quote an address or a URL.</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
        activity?.SetTag("error.type", error.GetType().FullName);
    }

    /// <summary>Whether an exception is a time-out: cancelled by a budget, or a provider's own TimeoutException inside.</summary>
    public static bool IsTimeout(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException or TimeoutException)
                return true;
        }
        return false;
    }
}

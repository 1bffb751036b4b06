using OutreachAdvisor.Reports;

namespace OutreachAdvisor.ReportJobs;

/// <summary>The mail a job reads, and what to do once its report is safely stored (e.g. keep Graph's new delta links).</summary>
public sealed record ReportMailSession(IReportMailSource Source, Func<CancellationToken, Task>? Commit = null);

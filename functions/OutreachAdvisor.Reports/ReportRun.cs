using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports;

/// <summary>A report and the state to hand the next report (weekly reports in Azure keep it between runs).</summary>
public sealed record ReportRun(OutreachReport Report, OutreachState NextState);

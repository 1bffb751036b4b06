
namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// What a builder returns: the report JSON (contract section 5), its HTML page, the summary, and the state
/// to hand the owner's next report (null: keep what is stored).
/// </summary>
public sealed record BuiltReport(string Json, string Html, ReportSummary Summary)
{
    public OutreachAdvisor.Reports.Model.OutreachState? NextState { get; init; }
}

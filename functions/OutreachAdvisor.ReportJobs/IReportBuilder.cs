
namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Makes the report from the owner's mail. The production implementation wraps the report engine of
/// OutreachAdvisor.Reports. Throw <see cref="TransientReportException"/> for a failure worth retrying;
/// any other exception fails the job.
/// </summary>
public interface IReportBuilder
{
    /// <param name="previous">The state the owner's last report handed on (open outreach, who wrote); null for none.</param>
    Task<BuiltReport> BuildAsync(ReportJob job, OutreachAdvisor.Reports.IReportMailSource source, OutreachAdvisor.Reports.Model.OutreachState? previous, CancellationToken cancellationToken);
}

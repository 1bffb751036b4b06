using OutreachAdvisor.Reports;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Stands in until the report engine (OutreachAdvisor.Reports) is wired as an <see cref="IReportBuilder"/>:
/// every job fails with a clear reason instead of producing an empty report.
/// </summary>
public sealed class NotWiredReportBuilder : IReportBuilder
{
    public const string Reason = "the report engine is not wired into this deployment yet";

    public Task<BuiltReport> BuildAsync(ReportJob job, IReportMailSource source, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Reason);
}

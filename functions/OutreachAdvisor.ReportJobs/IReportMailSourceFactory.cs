
namespace OutreachAdvisor.ReportJobs;

/// <summary>Opens the mail source for a job. Injected, so tests (and other hosts) choose where mail comes from.</summary>
public interface IReportMailSourceFactory
{
    ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken);
}

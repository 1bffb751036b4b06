namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Where submitted jobs wait for the runner: the <c>report-jobs</c> storage queue in Azure
/// (<see cref="StorageQueueJobSender"/>), a channel read by a background worker in <c>outreach serve</c>
/// (<see cref="InProcessReportJobs"/>). Delivery is at least once; the runner tolerates duplicates.
/// </summary>
public interface IReportJobSender
{
    /// <exception cref="ReportQueueFullException">The queue holds as many jobs as it may; try again later.</exception>
    Task SendAsync(ReportJob job, CancellationToken cancellationToken);
}

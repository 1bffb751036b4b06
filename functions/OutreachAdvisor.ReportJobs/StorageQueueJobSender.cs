using Azure.Storage.Queues;

namespace OutreachAdvisor.ReportJobs;

/// <summary>The <c>report-jobs</c> queue (base64 JSON, as the Functions queue trigger reads it).</summary>
public sealed class StorageQueueJobSender(QueueClient queue) : IReportJobSender
{
    public async Task SendAsync(ReportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        await queue.SendMessageAsync(job.ToJson(), cancellationToken).ConfigureAwait(false);
    }
}

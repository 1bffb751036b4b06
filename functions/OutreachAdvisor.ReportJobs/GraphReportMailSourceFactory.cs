using Microsoft.Graph;
using OutreachAdvisor.Graph.SentItems;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// The owner's Graph mailbox, read app-only (<c>/users/{oid}</c>): the job runs long after the user's
/// request, with no user token (see docs/reports-azure.md). Incremental through <see cref="IDeltaLinkStore"/>.
/// </summary>
public sealed class GraphReportMailSourceFactory(Func<ReportJob, GraphServiceClient> clientFor, IDeltaLinkStore? deltaLinks, GraphReportSourceOptions? options = null)
    : IReportMailSourceFactory
{
    public ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        GraphReportSourceOptions read = (options ?? new GraphReportSourceOptions()) with { UserId = job.UserId.ToString("D") };
        var source = new GraphReportMailSource(clientFor(job), job.Owner, read, deltaLinks);
        return ValueTask.FromResult(new ReportMailSession(source, source.CommitAsync));
    }
}

using OutreachAdvisor.Mailbox;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// The mail of a local report: the folders of the server's <c>--mailbox</c> (as the signed-in request named
/// them), read whole with <see cref="LocalReportMailSource"/>. The owner is found as <c>outreach report</c>
/// finds it without <c>--me</c>: the address that takes part in most messages.
/// </summary>
public sealed class LocalReportMailSources : IReportMailSourceFactory
{
    private LocalMailbox? _mailbox;

    /// <summary>Remembers the server's mailbox (the same for every request of a local server).</summary>
    public void Use(LocalMailbox mailbox) => Volatile.Write(ref _mailbox, mailbox);

    public async ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken)
    {
        LocalMailbox mailbox = Volatile.Read(ref _mailbox)
            ?? throw new InvalidOperationException("This server has no local mailbox to report on: start it with outreach serve --mailbox PATH.");
        string? owner = await LocalReportMailSource.FindOwnerAsync(mailbox.Paths, cancellationToken).ConfigureAwait(false);
        return new ReportMailSession(new OwnedLocalReportSource(owner, mailbox.Paths));
    }
}

using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// The compact state one report hands the next, per owner (<see cref="OutreachState"/>: open outreach and
/// hashes of who wrote; no bodies), so a weekly report built from one week's delta still credits a reply to
/// last week's outreach. Loaded before a job builds its report, saved in the job's commit step.
/// </summary>
public interface IOutreachStateStore
{
    /// <summary>The owner's last saved state; null when there is none (or it cannot be read as one).</summary>
    Task<OutreachState?> LoadAsync(string owner, CancellationToken cancellationToken);

    Task SaveAsync(string owner, OutreachState state, CancellationToken cancellationToken);
}

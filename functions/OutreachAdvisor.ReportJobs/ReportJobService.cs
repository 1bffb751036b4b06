using System.Globalization;

namespace OutreachAdvisor.ReportJobs;

/// <summary>Starts report jobs: writes the queued row, then the queue message. Used by POST /api/reports and the weekly timer.</summary>
public sealed class ReportJobService(IReportStore store, IReportJobSender queue, TimeProvider? time = null)
{
    private readonly TimeProvider _clock = time ?? TimeProvider.System;

    public IReportStore Store { get; } = store;

    /// <summary>
    /// Submits the job once. The row is written first (a 409 means this id was submitted before, and
    /// nothing new is queued); the message follows, and the row records that it was sent. If the
    /// message could not be sent, submitting the same job again (same idempotency key) sends it.
    /// </summary>
    /// <returns>The row, and whether this call created it.</returns>
    public async Task<(ReportRecord Record, bool Created)> SubmitAsync(ReportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        bool created = await Store.TryCreateAsync(job, _clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        ReportRecord record = await Store.GetAsync(job.Owner, job.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The report row {job.Id} vanished right after it was written.");
        if (record.Status == ReportStatus.Queued && !record.Enqueued)
        {
            await queue.SendAsync(job, cancellationToken).ConfigureAwait(false);
            record.Enqueued = true;
            // A lost race here only means another request marked it first; the runner tolerates the duplicate message.
            await Store.TryUpdateAsync(record, cancellationToken).ConfigureAwait(false);
        }
        return (record, created);
    }

    /// <summary>
    /// The weekly timer: one job per opted-in owner for the last seven days. The idempotency key is the
    /// ISO week, so a timer that fires twice in a week (retries, a second instance) queues nothing new.
    /// </summary>
    /// <returns>How many jobs were newly queued.</returns>
    public async Task<int> ScheduleWeeklyAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        string week = $"weekly-{ISOWeek.GetYear(now.UtcDateTime)}-W{ISOWeek.GetWeekOfYear(now.UtcDateTime):00}";
        int queued = 0;
        await foreach (ReportOwner owner in Store.WeeklyOwnersAsync(cancellationToken).ConfigureAwait(false))
        {
            var job = ReportJob.Create(owner, today.AddDays(-7), includeBodies: false, week, ReportJob.WeeklyTrigger);
            (_, bool created) = await SubmitAsync(job, cancellationToken).ConfigureAwait(false);
            if (created)
                queued++;
        }
        return queued;
    }
}

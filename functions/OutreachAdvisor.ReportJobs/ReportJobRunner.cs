using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OutreachAdvisor.Graph.SentItems;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Runs one delivery of a <c>report-jobs</c> message (at-least-once: the same job may arrive more than once).
/// <list type="bullet">
/// <item>done or failed rows are left alone, so a second delivery stores nothing new;</item>
/// <item>queued -> running is an ETag-checked update naming this message: a second message for a job that is
/// running elsewhere is dropped; this message's own redelivery (its first attempt died) takes the job over;</item>
/// <item>the report blobs are overwritten under fixed names, and running -> done is ETag-checked too;</item>
/// <item>transient failures (Graph throttling or outage, storage 5xx, <see cref="TransientReportException"/>)
/// rethrow so the host retries; on the last allowed attempt the job is marked failed first, then the host
/// moves the message to <c>report-jobs-poison</c>; any other failure marks the job failed at once.</item>
/// </list>
/// </summary>
public sealed partial class ReportJobRunner(
    IReportStore store,
    IReportMailSourceFactory sources,
    IReportBuilder builder,
    ILogger<ReportJobRunner>? logger = null,
    TimeProvider? time = null,
    IOutreachStateStore? states = null)
{
    /// <summary>host.json <c>extensions.queues.maxDequeueCount</c>; keep the two equal.</summary>
    public const int DefaultMaxDequeueCount = 5;

    private readonly ILogger _log = logger ?? NullLogger<ReportJobRunner>.Instance;
    private readonly TimeProvider _clock = time ?? TimeProvider.System;

    public int MaxDequeueCount { get; init; } = DefaultMaxDequeueCount;

    public async Task<ReportRunOutcome> RunAsync(string? messageText, string messageId, long dequeueCount, CancellationToken cancellationToken)
    {
        var job = ReportJob.Parse(messageText);
        if (job is null)
        {
            // Retrying cannot make it readable: drop it (it is logged, not poisoned).
            LogInvalidMessage(_log, messageId);
            return ReportRunOutcome.Dropped;
        }

        ReportRecord? record = await store.GetAsync(job.Owner, job.Id, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            LogNoRow(_log, job.Id, messageId);
            return ReportRunOutcome.Dropped;
        }
        if (record.Status is ReportStatus.Done or ReportStatus.Failed)
        {
            LogAlreadyFinished(_log, job.Id, record.Status);
            return ReportRunOutcome.AlreadyFinished;
        }
        if (record.Status == ReportStatus.Running && record.RunningMessageId is { } other && other != messageId)
        {
            LogDuplicate(_log, job.Id, other, messageId);
            return ReportRunOutcome.Duplicate;
        }

        record.Status = ReportStatus.Running;
        record.RunningMessageId = messageId;
        record.Attempts = (int)Math.Min(dequeueCount, int.MaxValue);
        record.Started = _clock.GetUtcNow();
        if (!await store.TryUpdateAsync(record, cancellationToken).ConfigureAwait(false))
        {
            // Someone moved the row on between our read and write: look again, once.
            ReportRecord? now = await store.GetAsync(job.Owner, job.Id, cancellationToken).ConfigureAwait(false);
            return now?.Status is ReportStatus.Done or ReportStatus.Failed ? ReportRunOutcome.AlreadyFinished : ReportRunOutcome.Duplicate;
        }

        try
        {
            ReportMailSession session = await sources.OpenAsync(job, cancellationToken).ConfigureAwait(false);
            OutreachAdvisor.Reports.Model.OutreachState? previous = states is null ? null : await states.LoadAsync(job.Owner, cancellationToken).ConfigureAwait(false);
            BuiltReport report = await builder.BuildAsync(job, session.Source, previous, cancellationToken).ConfigureAwait(false);
            await store.UploadAsync(record, report, cancellationToken).ConfigureAwait(false);

            record.Status = ReportStatus.Done;
            record.Summary = report.Summary;
            record.Completed = _clock.GetUtcNow();
            record.Error = null;
            record.RunningMessageId = null;
            if (!await store.TryUpdateAsync(record, cancellationToken).ConfigureAwait(false))
            {
                ReportRecord? now = await store.GetAsync(job.Owner, job.Id, cancellationToken).ConfigureAwait(false);
                if (now?.Status != ReportStatus.Done)
                    throw new TransientReportException($"Report {job.Id} changed while it was being stored; retrying.");
            }

            // Only now is the mail read safely accounted for: keep the new delta links and, with them, the
            // state the next report starts from (they describe the same mail). Failing here costs the next
            // report some overlap, or its carried-over outreach, not this report.
            try
            {
                if (session.Commit is { } commit)
                    await commit(cancellationToken).ConfigureAwait(false);
                if (states is not null && report.NextState is { } next)
                    await states.SaveAsync(job.Owner, next, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogCommitFailed(_log, error, job.Id);
            }
            LogDone(_log, job.Id);
            return ReportRunOutcome.Done;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // the host is stopping: the message comes back
        }
        catch (Exception error) when (IsTransient(error))
        {
            if (dequeueCount >= MaxDequeueCount)
            {
                await MarkFailedAsync(record, $"gave up after {dequeueCount} attempts: {OneLine(error)}", cancellationToken).ConfigureAwait(false);
                LogGaveUp(_log, error, job.Id);
            }
            else
            {
                record.Error = $"attempt {dequeueCount} failed, retrying: {OneLine(error)}";
                await store.TryUpdateAsync(record, cancellationToken).ConfigureAwait(false);
                LogTransient(_log, error, job.Id, dequeueCount);
            }
            throw;
        }
        catch (Exception error)
        {
            await MarkFailedAsync(record, OneLine(error), cancellationToken).ConfigureAwait(false);
            LogFailed(_log, error, job.Id);
            return ReportRunOutcome.Failed;
        }
    }

    /// <summary>
    /// A message reached <c>report-jobs-poison</c> (every attempt failed, or the worker died on the last one):
    /// the job is failed unless it finished.
    /// </summary>
    public async Task<ReportRunOutcome> MarkPoisonedAsync(string? messageText, CancellationToken cancellationToken)
    {
        var job = ReportJob.Parse(messageText);
        if (job is null)
            return ReportRunOutcome.Dropped;
        ReportRecord? record = await store.GetAsync(job.Owner, job.Id, cancellationToken).ConfigureAwait(false);
        if (record is null)
            return ReportRunOutcome.Dropped;
        if (record.Status is ReportStatus.Done or ReportStatus.Failed)
            return ReportRunOutcome.AlreadyFinished;
        string reason = record.Error is { Length: > 0 } last ? $"moved to the poison queue; last error: {last}" : "moved to the poison queue after repeated failures";
        await MarkFailedAsync(record, reason, cancellationToken).ConfigureAwait(false);
        return ReportRunOutcome.Failed;
    }

    private async Task MarkFailedAsync(ReportRecord record, string error, CancellationToken cancellationToken)
    {
        record.Status = ReportStatus.Failed;
        record.Error = error.Length > 300 ? error[..297] + "..." : error;
        record.Completed = _clock.GetUtcNow();
        record.RunningMessageId = null;
        if (!await store.TryUpdateAsync(record, cancellationToken).ConfigureAwait(false))
            LogFailRace(_log, record.Id);
    }

    /// <summary>Whether retrying later may help.</summary>
    public static bool IsTransient(Exception error) => error switch
    {
        TransientReportException => true,
        GraphReportSourceException graph => graph.IsTransient,
        RequestFailedException storage => storage.Status is 0 or 408 or 429 or >= 500,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The first line of the message: what the row's <c>error</c> shows.</summary>
    internal static string OneLine(Exception error)
    {
        string message = error.Message.ReplaceLineEndings("\n").Split('\n', 2)[0].Trim();
        return message.Length == 0 ? error.GetType().Name : message;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Report job message {MessageId} is not a valid job; dropped.")]
    private static partial void LogInvalidMessage(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {ReportId} has no row; message {MessageId} dropped.")]
    private static partial void LogNoRow(ILogger logger, string reportId, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} is {Status} already; duplicate delivery ignored.")]
    private static partial void LogAlreadyFinished(ILogger logger, string reportId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} is running under message {Other}; duplicate message {MessageId} dropped.")]
    private static partial void LogDuplicate(ILogger logger, string reportId, string other, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {ReportId} is done, but its delta links or carried-over state were not stored.")]
    private static partial void LogCommitFailed(ILogger logger, Exception error, string reportId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {ReportId} done.")]
    private static partial void LogDone(ILogger logger, string reportId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {ReportId} failed on its last attempt; the message goes to the poison queue.")]
    private static partial void LogGaveUp(ILogger logger, Exception error, string reportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {ReportId} attempt {Attempt} failed transiently; the queue retries.")]
    private static partial void LogTransient(ILogger logger, Exception error, string reportId, long attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {ReportId} failed.")]
    private static partial void LogFailed(ILogger logger, Exception error, string reportId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {ReportId} changed before it could be marked failed.")]
    private static partial void LogFailRace(ILogger logger, string reportId);
}

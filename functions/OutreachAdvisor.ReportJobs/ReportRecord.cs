using Azure;
using Azure.Data.Tables;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// A report's row in table <c>reports</c>: PartitionKey = owner key, RowKey = report id. Fields are read
/// and written through <see cref="TableEntity"/> so that the ETag travels with them.
/// </summary>
public sealed class ReportRecord
{
    internal ReportRecord(TableEntity entity)
    {
        Entity = entity;
    }

    internal TableEntity Entity { get; }

    public string Owner => Entity.PartitionKey;
    public string Id => Entity.RowKey;
    public ETag ETag => Entity.ETag;

    public string Status
    {
        get => Entity.GetString(nameof(Status)) ?? ReportStatus.Queued;
        set => Entity[nameof(Status)] = value;
    }

    public DateOnly Since => DateOnly.ParseExact(Entity.GetString(nameof(Since)) ?? "0001-01-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    public bool IncludeBodies => Entity.GetBoolean(nameof(IncludeBodies)) ?? false;
    public string Trigger => Entity.GetString(nameof(Trigger)) ?? ReportJob.UserTrigger;
    public DateTimeOffset Created => Entity.GetDateTimeOffset(nameof(Created)) ?? DateTimeOffset.MinValue;

    public DateTimeOffset? Started
    {
        get => Entity.GetDateTimeOffset(nameof(Started));
        set => Entity[nameof(Started)] = value;
    }

    public DateTimeOffset? Completed
    {
        get => Entity.GetDateTimeOffset(nameof(Completed));
        set => Entity[nameof(Completed)] = value;
    }

    /// <summary>One line: why the job failed, or the last transient failure while it is retried.</summary>
    public string? Error
    {
        get => Entity.GetString(nameof(Error));
        set => Entity[nameof(Error)] = value;
    }

    /// <summary>How many times the job was started (the queue message's dequeue count at the last start).</summary>
    public int Attempts
    {
        get => Entity.GetInt32(nameof(Attempts)) ?? 0;
        set => Entity[nameof(Attempts)] = value;
    }

    /// <summary>The queue message working on the job while it runs: another message for the same job is a duplicate.</summary>
    public string? RunningMessageId
    {
        get => Entity.GetString(nameof(RunningMessageId));
        set => Entity[nameof(RunningMessageId)] = value;
    }

    /// <summary>Whether the job message was put on the queue (false only when enqueuing failed after the row was written).</summary>
    public bool Enqueued
    {
        get => Entity.GetBoolean(nameof(Enqueued)) ?? false;
        set => Entity[nameof(Enqueued)] = value;
    }

    public ReportSummary? Summary
    {
        get => Entity.GetInt32("SentMessages") is int sent
            ? new ReportSummary(sent, Entity.GetInt32("OutreachMessages") ?? 0, Entity.GetInt32("Replied") ?? 0,
                Entity.GetDouble("ReplyRate") ?? 0, Entity.GetDouble("AverageScore"))
            : null;
        set
        {
            Entity["SentMessages"] = value?.SentMessages;
            Entity["OutreachMessages"] = value?.OutreachMessages;
            Entity["Replied"] = value?.Replied;
            Entity["ReplyRate"] = value?.ReplyRate;
            Entity["AverageScore"] = value?.AverageScore;
        }
    }

    public string JsonBlobName => $"{Owner}/{Id}.json";
    public string HtmlBlobName => $"{Owner}/{Id}.html";

    internal static TableEntity NewEntity(ReportJob job, DateTimeOffset now) => new(job.Owner, job.Id)
    {
        ["Status"] = ReportStatus.Queued,
        ["Since"] = job.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["IncludeBodies"] = job.IncludeBodies,
        ["Trigger"] = job.Trigger,
        ["TenantId"] = job.TenantId,
        ["UserId"] = job.UserId,
        ["Created"] = now,
        ["Attempts"] = 0,
        ["Enqueued"] = false,
    };

    /// <summary>The job this row describes (what the queue message carries).</summary>
    public ReportJob ToJob() => new()
    {
        Owner = Owner,
        Id = Id,
        TenantId = Entity.GetGuid("TenantId") ?? Guid.Empty,
        UserId = Entity.GetGuid("UserId") ?? Guid.Empty,
        Since = Since,
        IncludeBodies = IncludeBodies,
        Trigger = Trigger,
    };
}

using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Report rows and files in process memory, for <c>outreach serve --mailbox</c>: the same rows as the table
/// store (so status, ETag checks and the API's bodies are the same code), nothing written to disk, all gone
/// when the server stops. Bounded: at most <see cref="MaxReportsPerOwner"/> reports per owner (the oldest
/// finished one is dropped, files and all, when a new one comes) and <see cref="MaxOwners"/> owners.
/// </summary>
public sealed class InMemoryReportStore : IReportStore
{
    public const int MaxReportsPerOwner = 20;
    public const int MaxOwners = 100;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, TableEntity>> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _weekly = new(StringComparer.Ordinal);

    public Task<bool> TryCreateAsync(ReportJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        lock (_lock)
        {
            if (!_rows.TryGetValue(job.Owner, out Dictionary<string, TableEntity>? rows))
            {
                if (_rows.Count >= MaxOwners)
                    throw new ReportQueueFullException($"This server keeps reports for at most {MaxOwners} people.");
                _rows[job.Owner] = rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            }

            if (rows.ContainsKey(job.Id))
                return Task.FromResult(false);
            if (rows.Count >= MaxReportsPerOwner)
                DropOldestFinished(rows);
            TableEntity entity = ReportRecord.NewEntity(job, now);
            entity.ETag = NewETag();
            rows[job.Id] = entity;
            return Task.FromResult(true);
        }
    }

    public Task<ReportRecord?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(owner)?.GetValueOrDefault(id) is { } entity ? new ReportRecord(Copy(entity)) : null);
        }
    }

    public Task<IReadOnlyList<ReportRecord>> ListAsync(string owner, int max, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<ReportRecord> list = (_rows.GetValueOrDefault(owner)?.Values ?? Enumerable.Empty<TableEntity>())
                .Select(e => new ReportRecord(Copy(e)))
                .OrderByDescending(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(max)
                .ToList();
            return Task.FromResult(list);
        }
    }

    public Task<bool> TryUpdateAsync(ReportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_lock)
        {
            if (_rows.GetValueOrDefault(record.Owner) is not { } rows || !rows.TryGetValue(record.Id, out TableEntity? stored) || stored.ETag != record.ETag)
                return Task.FromResult(false);
            TableEntity updated = Copy(record.Entity);
            updated.ETag = NewETag();
            rows[record.Id] = updated;
            record.Entity.ETag = updated.ETag;
            return Task.FromResult(true);
        }
    }

    public Task UploadAsync(ReportRecord record, BuiltReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(report);
        lock (_lock)
        {
            // A report dropped meanwhile (the owner's oldest) keeps no files.
            if (_rows.GetValueOrDefault(record.Owner)?.ContainsKey(record.Id) != true)
                return Task.CompletedTask;
            _files[record.JsonBlobName] = report.Json;
            _files[record.HtmlBlobName] = report.Html;
        }

        return Task.CompletedTask;
    }

    public Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<Stream?>(_files.TryGetValue(blobName, out string? text) ? new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false) : null);
        }
    }

    public Task SetWeeklyAsync(ReportOwner owner, bool weekly, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_lock)
        {
            if (weekly)
                _weekly.Add(owner.Key);
            else
                _weekly.Remove(owner.Key);
        }

        return Task.CompletedTask;
    }

    public Task<bool> IsWeeklyAsync(ReportOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        lock (_lock)
        {
            return Task.FromResult(_weekly.Contains(owner.Key));
        }
    }

    public async IAsyncEnumerable<ReportOwner> WeeklyOwnersAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string[] keys;
        lock (_lock)
        {
            keys = [.. _weekly];
        }

        foreach (string key in keys)
        {
            if (ReportOwner.TryParse(key, out ReportOwner? owner))
                yield return owner!;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void DropOldestFinished(Dictionary<string, TableEntity> rows)
    {
        ReportRecord? oldest = rows.Values
            .Select(e => new ReportRecord(e))
            .Where(r => r.Status is ReportStatus.Done or ReportStatus.Failed)
            .OrderBy(r => r.Created)
            .FirstOrDefault();
        if (oldest is null)
            throw new ReportQueueFullException($"{MaxReportsPerOwner} reports are still waiting or running; try again when one has finished.");
        rows.Remove(oldest.Id);
        _files.Remove(oldest.JsonBlobName);
        _files.Remove(oldest.HtmlBlobName);
    }

    private static TableEntity Copy(TableEntity entity) => new(new Dictionary<string, object>(entity)) { ETag = entity.ETag };

    private static ETag NewETag() => new(Guid.NewGuid().ToString("N"));
}

using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Report rows (table <c>reports</c>), report blobs (<c>reports/{owner}/{id}.json|.html</c>) and weekly
/// opt-ins (table <c>reports</c>, partition <c>optin</c>, one row per owner). Status changes use the
/// row's ETag, so two workers can never both move one job on.
/// </summary>
public sealed class ReportStore(ReportStorage storage) : IReportStore
{
    /// <summary>The opt-in partition. Owner partitions are <c>{tid}.{oid}</c> and can never be this.</summary>
    public const string OptInPartition = "optin";

    public ReportStorage Storage { get; } = storage;

    /// <summary>Writes the queued row; false when a row with this id exists already (the same job was submitted before).</summary>
    public async Task<bool> TryCreateAsync(ReportJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            await Storage.Reports.AddEntityAsync(ReportRecord.NewEntity(job, now), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return false;
        }
    }

    public async Task<ReportRecord?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        if (!ReportIds.IsValid(id) || owner == OptInPartition)
            return null;
        NullableResponse<TableEntity> row = await Storage.Reports.GetEntityIfExistsAsync<TableEntity>(owner, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? new ReportRecord(row.Value!) : null;
    }

    /// <summary>The owner's reports, newest first (a partition query: one owner's rows only).</summary>
    public async Task<IReadOnlyList<ReportRecord>> ListAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var rows = new List<ReportRecord>();
        if (owner == OptInPartition)
            return rows;
        await foreach (TableEntity entity in Storage.Reports.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {owner}"), cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(new ReportRecord(entity));
        return rows.OrderByDescending(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>Replaces the row if nobody changed it since it was read; false on an ETag mismatch (412).</summary>
    public async Task<bool> TryUpdateAsync(ReportRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            Response response = await Storage.Reports.UpdateEntityAsync(record.Entity, record.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            record.Entity.ETag = response.Headers.ETag ?? record.Entity.ETag;
            return true;
        }
        catch (RequestFailedException error) when (error.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Uploads (overwriting) the report's JSON and HTML: a job run twice leaves one report.</summary>
    public async Task UploadAsync(ReportRecord record, BuiltReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(report);
        await UploadAsync(record.JsonBlobName, report.Json, "application/json; charset=utf-8", cancellationToken).ConfigureAwait(false);
        await UploadAsync(record.HtmlBlobName, report.Html, "text/html; charset=utf-8", cancellationToken).ConfigureAwait(false);
    }

    private async Task UploadAsync(string name, string text, string contentType, CancellationToken cancellationToken) =>
        await Storage.Blobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(text),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken).ConfigureAwait(false);

    /// <summary>The stored JSON or HTML as a stream; null when the blob is missing.</summary>
    public async Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            Response<BlobDownloadStreamingResult> download = await Storage.Blobs.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return download.Value.Content;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }

    public async Task<string?> ReadTextAsync(string blobName, CancellationToken cancellationToken)
    {
        Stream? stream = await OpenAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (stream is null)
            return null;
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Turns the weekly report on (a row in the opt-in partition) or off (no row).</summary>
    public async Task SetWeeklyAsync(ReportOwner owner, bool weekly, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        if (weekly)
        {
            var row = new TableEntity(OptInPartition, owner.Key)
            {
                ["Weekly"] = true,
                ["TenantId"] = owner.TenantId,
                ["UserId"] = owner.UserId,
                ["Updated"] = now,
            };
            await Storage.Reports.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Storage.Reports.DeleteEntityAsync(OptInPartition, owner.Key, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> IsWeeklyAsync(ReportOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        NullableResponse<TableEntity> row = await Storage.Reports.GetEntityIfExistsAsync<TableEntity>(OptInPartition, owner.Key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value!.GetBoolean("Weekly") == true;
    }

    /// <summary>Everyone who opted in to the weekly report.</summary>
    public async IAsyncEnumerable<ReportOwner> WeeklyOwnersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {OptInPartition} and Weekly eq {true}");
        await foreach (TableEntity row in Storage.Reports.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ReportOwner.TryParse(row.RowKey, out ReportOwner? owner))
                yield return owner!;
        }
    }
}

using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// Discovery verdicts in Azure Table storage, table <c>discovery</c> beside the report tables (the
/// Functions app's instances share it): PartitionKey = the domain, RowKey = the address's hash (or
/// <c>*</c> for the whole domain), with the verdict, the page it was found on, the pages read, the
/// reason (JSON of message ids) and when it expires. No message content, no address in the clear.
/// Table storage has no expiry of its own: expired rows are ignored when read and deleted, a few
/// hundred at a time, at most once an hour per instance.
/// </summary>
public sealed class TableDiscoveryCache : IDiscoveryCache
{
    public const string TableName = "discovery";
    private const int PurgeBatch = 500;
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);

    private readonly TableClient _table;
    private readonly TimeProvider _clock;
    private Task? _creating;
    private long _nextPurgeTicks;

    public TableDiscoveryCache(TableClient table, TimeProvider? clock = null)
    {
        _table = table ?? throw new ArgumentNullException(nameof(table));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>
    /// The table from the same storage settings as the reports (docs/reports-azure.md):
    /// <c>Storage:ConnectionString</c> (or <c>Storage</c>, or a local <c>AzureWebJobsStorage</c> connection
    /// string), else <c>Storage:AccountName</c> with the managed identity. Null when none is set.
    /// </summary>
    public static TableDiscoveryCache? FromSettings(Func<string, string?> setting, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(setting);
        if ((NonEmpty(setting("Storage:ConnectionString")) ?? NonEmpty(setting("Storage"))) is { } connectionString)
            return new TableDiscoveryCache(new TableClient(connectionString, TableName), clock);
        if (NonEmpty(setting("Storage:AccountName")) is { } account)
        {
            string? clientId = NonEmpty(setting("Storage:clientId")) ?? NonEmpty(setting("AZURE_CLIENT_ID"));
            TokenCredential credential = clientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            return new TableDiscoveryCache(new TableClient(new Uri($"https://{account}.table.core.windows.net/"), TableName, credential), clock);
        }

        if (NonEmpty(setting("AzureWebJobsStorage")) is { } host && host.Contains('=', StringComparison.Ordinal))
            return new TableDiscoveryCache(new TableClient(host, TableName), clock);
        return null;
    }

    public async Task<DiscoveryRecord?> GetAsync(string domain, string addressKey, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {domain} and (RowKey eq {addressKey} or RowKey eq {DiscoveryRecord.DomainWide})");
        DateTimeOffset now = _clock.GetUtcNow();
        DiscoveryRecord? domainWide = null;
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(filter, maxPerPage: 2, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Read(row) is not { } record || record.Expires <= now)
                continue;
            if (row.RowKey == addressKey)
                return record;
            domainWide = record;
        }

        return domainWide;
    }

    public async Task SetAsync(string domain, string addressKey, DiscoveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(domain, addressKey)
        {
            ["Status"] = record.Status.ToString(),
            ["Page"] = record.Page,
            ["PagesRead"] = record.PagesRead,
            ["Reason"] = record.Reason is null ? null : ReasonCodec.Encode(record.Reason),
            ["CheckedAt"] = record.CheckedAt,
            ["Expires"] = record.Expires,
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await PurgeIfDueAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes up to <see cref="PurgeBatch"/> expired rows, at most once per <see cref="PurgeEvery"/>; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _clock.GetUtcNow();
        int deleted = 0;
        await foreach (TableEntity row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Expires le {now}"), maxPerPage: 100, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException error) when (error.Status == 404)
            {
                // another instance was first
            }

            if (++deleted >= PurgeBatch)
                break;
        }

        return deleted;
    }

    /// <summary>
    /// Creates the table on first use (Azurite; in Azure infra/modules/storage.bicep creates it). A failure
    /// is tried again on the next use, and the operation goes ahead: the table may exist all the same.
    /// </summary>
    private async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task creating = Volatile.Read(ref _creating) ?? Interlocked.CompareExchange(ref _creating, _table.CreateIfNotExistsAsync(CancellationToken.None), null) ?? _creating!;
        try
        {
            await creating.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            _ = Interlocked.CompareExchange(ref _creating, null, creating);
        }
    }

    private async Task PurgeIfDueAsync(CancellationToken cancellationToken)
    {
        long now = _clock.GetUtcNow().UtcTicks;
        long due = Interlocked.Read(ref _nextPurgeTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextPurgeTicks, now + PurgeEvery.Ticks, due) != due)
            return;
        await PurgeExpiredAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A row's record, or null when it is not one this version can read.</summary>
    private static DiscoveryRecord? Read(TableEntity row)
    {
        if (!Enum.TryParse(row.GetString("Status"), out FoundAtStatus status) || row.GetDateTimeOffset("Expires") is not { } expires)
            return null;
        return new DiscoveryRecord(status, row.GetString("Page"), row.GetInt32("PagesRead") ?? 0, ReasonCodec.Decode(row.GetString("Reason")),
            row.GetDateTimeOffset("CheckedAt") ?? expires, expires);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

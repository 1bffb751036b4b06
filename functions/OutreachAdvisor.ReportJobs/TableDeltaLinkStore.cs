using Azure;
using Azure.Data.Tables;
using OutreachAdvisor.Graph.SentItems;

namespace OutreachAdvisor.ReportJobs;

/// <summary>Graph delta links in table <c>deltaLinks</c>: PartitionKey = owner key, RowKey = folder (<c>sentitems</c>, <c>inbox</c>).</summary>
public sealed class TableDeltaLinkStore(TableClient table) : IDeltaLinkStore
{
    public async Task<DeltaLinkState?> GetAsync(string owner, string folder, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(owner, folder, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value!.GetString("Link") is not { Length: > 0 } link || row.Value.GetDateTimeOffset("SyncedAt") is not { } synced)
            return null;
        return new DeltaLinkState(link, synced);
    }

    public Task SaveAsync(string owner, string folder, DeltaLinkState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var row = new TableEntity(owner, folder) { ["Link"] = state.Link, ["SyncedAt"] = state.SyncedAt };
        return table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public Task DeleteAsync(string owner, string folder, CancellationToken cancellationToken) =>
        table.DeleteEntityAsync(owner, folder, ETag.All, cancellationToken);
}

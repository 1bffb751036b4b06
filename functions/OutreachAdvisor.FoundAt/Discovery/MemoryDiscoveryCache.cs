namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>The discovery cache of one process (the command line, `outreach serve`): bounded, lost on exit.</summary>
public sealed class MemoryDiscoveryCache(int capacity = 10_000, TimeProvider? clock = null) : IDiscoveryCache
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ExpiringCache<DiscoveryRecord> _records = new(capacity, clock ?? TimeProvider.System);

    public int Count => _records.Count;

    public Task<DiscoveryRecord?> GetAsync(string domain, string addressKey, CancellationToken cancellationToken) =>
        Task.FromResult(_records.TryGet(Key(domain, addressKey), out DiscoveryRecord? record) || _records.TryGet(Key(domain, DiscoveryRecord.DomainWide), out record)
            ? record
            : null);

    public Task SetAsync(string domain, string addressKey, DiscoveryRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records.Set(Key(domain, addressKey), record, record.Expires - _clock.GetUtcNow());
        return Task.CompletedTask;
    }

    private static string Key(string domain, string addressKey) => domain + "\n" + addressKey;
}

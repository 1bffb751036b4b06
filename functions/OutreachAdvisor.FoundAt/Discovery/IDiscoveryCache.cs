namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// Where discovery verdicts are kept for <see cref="DiscoveryOptions.VerdictLifetime"/>: in memory for
/// `outreach check` and `outreach serve`, in Azure Table storage for the Functions app (shared by its instances).
/// </summary>
public interface IDiscoveryCache
{
    /// <summary>The unexpired record for the address key, else the unexpired domain-wide one, else null.</summary>
    Task<DiscoveryRecord?> GetAsync(string domain, string addressKey, CancellationToken cancellationToken);

    Task SetAsync(string domain, string addressKey, DiscoveryRecord record, CancellationToken cancellationToken);
}

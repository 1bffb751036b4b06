using System.Collections.Concurrent;
using System.Globalization;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.FoundAt.Fetching;
using OutreachAdvisor.FoundAt.Matching;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// Looks for addresses on their organisation's own site (issue 13; docs/found-at.md, "Discovery"):
/// at most <see cref="DiscoveryOptions.MaxPages"/> pages and <see cref="DiscoveryOptions.Budget"/> per
/// domain, through the SSRF-safe fetcher, robots.txt honoured. Verdicts are cached per domain for
/// <see cref="DiscoveryOptions.VerdictLifetime"/>; a look-up outlives the request that started it, so
/// a request that stops waiting ("still looking") leaves a verdict for the next check.
/// </summary>
public sealed class SiteDiscovery : IAddressDiscovery
{
    private readonly SafePageFetcher _fetcher;
    private readonly IDiscoveryCache _cache;
    private readonly DiscoveryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<string, Task<FoundAtVerdict>> _running = new(StringComparer.Ordinal);
    private readonly ExpiringCache<int> _lookupsToday;

    /// <param name="fetcher">The SSRF-safe fetcher; the default has the production limits.</param>
    /// <param name="cache">Where verdicts are kept; in memory unless the Functions app gives its Table-backed cache.</param>
    public SiteDiscovery(SafePageFetcher? fetcher = null, IDiscoveryCache? cache = null, DiscoveryOptions? options = null, TimeProvider? clock = null)
    {
        _fetcher = fetcher ?? new SafePageFetcher();
        _options = options ?? new DiscoveryOptions();
        _clock = clock ?? TimeProvider.System;
        _cache = cache ?? new MemoryDiscoveryCache(_options.MaxCachedVerdicts, _clock);
        _lookupsToday = new ExpiringCache<int>(_options.MaxCachedVerdicts, _clock);
    }

    /// <summary>Look-ups started and not yet finished (tests wait for them).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(_running.Values.ToArray());

    /// <inheritdoc />
    public async Task<IReadOnlyList<FoundAtVerdict>> DiscoverAsync(IReadOnlyList<string> addresses, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        cancellationToken.ThrowIfCancellationRequested();
        var verdicts = new Task<FoundAtVerdict>[addresses.Count];
        string[] domainOf = new string[addresses.Count];
        var uncached = new List<(int Index, string Address, string Domain)>();
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(wait);
        for (int i = 0; i < addresses.Count; i++)
        {
            string address = addresses[i]?.Trim() ?? string.Empty;
            string? domain = DomainOf(address);
            domainOf[i] = domain ?? string.Empty;
            if (domain is null || !AddressListingMatcher.IsSearchableAddress(address))
            {
                verdicts[i] = Task.FromResult(Verdict(FoundAtStatus.Unavailable, Reason.With("found-at/not-an-address", ("address", address)), domain ?? string.Empty));
                continue;
            }

            if (PublicMailDomains.Contains(domain))
            {
                verdicts[i] = Task.FromResult(Verdict(FoundAtStatus.Unavailable, Reason.With("discovery/webmail", ("domain", domain)), domain));
                continue;
            }

            DiscoveryRecord? cached = await ReadCacheAsync(domain, address, waiting.Token, cancellationToken).ConfigureAwait(false);
            if (cached is not null)
                verdicts[i] = Task.FromResult(FromRecord(cached, domain));
            else
                uncached.Add((i, address, domain));
        }

        string[] domains = uncached.Select(u => u.Domain).Distinct(StringComparer.Ordinal).ToArray();
        foreach (IGrouping<string, (int Index, string Address, string Domain)> group in uncached.GroupBy(u => u.Domain, StringComparer.Ordinal))
        {
            if (Array.IndexOf(domains, group.Key) >= _options.MaxDomainsPerRequest)
            {
                FoundAtVerdict later = Verdict(FoundAtStatus.Unavailable, Reason.With("discovery/over-domain-limit", ("limit", _options.MaxDomainsPerRequest)), group.Key);
                foreach ((int index, _, _) in group)
                    verdicts[index] = Task.FromResult(later);
                continue;
            }

            Task<FoundAtVerdict>[] lookups = LookUp(group.Key, group.Select(g => g.Address).ToArray());
            int n = 0;
            foreach ((int index, _, _) in group)
                verdicts[index] = lookups[n++];
        }

        try
        {
            await Task.WhenAll(verdicts).WaitAsync(waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stop waiting, not looking: the look-ups finish in the background and fill the cache.
        }

        return verdicts.Select((task, i) => task.IsCompletedSuccessfully ? task.Result
            : Verdict(FoundAtStatus.Unavailable, Reason.With("discovery/still-looking", ("domain", domainOf[i])), domainOf[i])).ToArray();
    }

    /// <summary>The lower-case ASCII (punycode) domain of an address, or null.</summary>
    internal static string? DomainOf(string address)
    {
        int at = address.LastIndexOf('@');
        string domain = at < 0 ? string.Empty : address[(at + 1)..].Trim().TrimEnd('.');
        if (domain.Length == 0)
            return null;
        try
        {
            return new IdnMapping().GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Joins the look-ups of addresses already being looked for; starts one look-up of the domain for the rest.</summary>
    private Task<FoundAtVerdict>[] LookUp(string domain, string[] addresses)
    {
        var tasks = new Task<FoundAtVerdict>[addresses.Length];
        var fresh = new List<int>();
        for (int i = 0; i < addresses.Length; i++)
        {
            if (_running.TryGetValue(RunKey(domain, addresses[i]), out Task<FoundAtVerdict>? running))
                tasks[i] = running;
            else
                fresh.Add(i);
        }

        if (fresh.Count == 0)
            return tasks;
        if (!TryCountLookup(domain))
        {
            FoundAtVerdict limited = Verdict(FoundAtStatus.Unavailable, Reason.With("discovery/domain-limit", ("domain", domain), ("limit", _options.MaxLookupsPerDomainPerDay)), domain);
            foreach (int i in fresh)
                tasks[i] = Task.FromResult(limited);
            return tasks;
        }

        string[] wanted = fresh.Select(i => addresses[i]).ToArray();
        // Not the request's token: the look-up has its own budget and outlives a request that stops waiting.
        Task<IReadOnlyDictionary<string, FoundAtVerdict>> search = Task.Run(() => SearchAndStoreAsync(domain, wanted));
        foreach (int i in fresh)
        {
            string address = addresses[i];
            string key = RunKey(domain, address);
            Task<FoundAtVerdict> verdict = search.ContinueWith(
                t => t.IsCompletedSuccessfully ? t.Result[address] : Verdict(FoundAtStatus.Unavailable, new Reason("found-at/failed"), domain),
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            tasks[i] = _running.GetOrAdd(key, verdict);
            _ = verdict.ContinueWith(_ => _running.TryRemove(new KeyValuePair<string, Task<FoundAtVerdict>>(key, verdict)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return tasks;
    }

    private async Task<IReadOnlyDictionary<string, FoundAtVerdict>> SearchAndStoreAsync(string domain, string[] addresses)
    {
        using var budget = new CancellationTokenSource(_options.Budget, _clock);
        DomainSearchResult result = await new DomainSearch(_fetcher, _options, domain, addresses).RunAsync(budget.Token).ConfigureAwait(false);
        DateTimeOffset now = _clock.GetUtcNow();
        var verdicts = new Dictionary<string, FoundAtVerdict>(StringComparer.OrdinalIgnoreCase);

        // A verdict about the whole site is stored once, under the domain.
        (FoundAtStatus Status, Reason Reason, TimeSpan Lifetime)? siteWide = result switch
        {
            { ForbiddenByRobots: true } => (FoundAtStatus.Unavailable, Reason.With("discovery/robots-disallow", ("domain", domain)), _options.VerdictLifetime),
            { PagesRead: 0, OutOfTime: true } => (FoundAtStatus.Unavailable, Reason.With("discovery/timeout", ("domain", domain), ("seconds", Seconds(_options.Budget))), _options.FailureLifetime),
            { PagesRead: 0 } => (FoundAtStatus.Unavailable, Reason.With("discovery/unreadable", ("domain", domain), ("reason", result.Failure ?? new Reason("fetch/network-error"))), _options.FailureLifetime),
            _ => null,
        };
        if (siteWide is { } site)
        {
            await WriteCacheAsync(domain, DiscoveryRecord.DomainWide, new DiscoveryRecord(site.Status, null, 0, site.Reason, now, now + site.Lifetime)).ConfigureAwait(false);
            foreach (string address in addresses)
                verdicts[address] = Verdict(site.Status, site.Reason, domain);
            return verdicts;
        }

        foreach (string address in addresses)
        {
            DiscoveryRecord record = result.Listed.TryGetValue(address, out string? page)
                ? new DiscoveryRecord(FoundAtStatus.Listed, page, result.PagesRead, null, now, now + _options.VerdictLifetime)
                // Not found on the pages read: final when the look-up ran to the end, worth another look soon when time ran out.
                : new DiscoveryRecord(FoundAtStatus.NotListed, null, result.PagesRead, null, now, now + (result.OutOfTime ? _options.FailureLifetime : _options.VerdictLifetime));
            await WriteCacheAsync(domain, DiscoveryRecord.AddressKey(address), record).ConfigureAwait(false);
            verdicts[address] = FromRecord(record, domain);
        }

        return verdicts;
    }

    /// <summary>The verdict a cached record stands for, rendered from ids like a fresh one.</summary>
    private static FoundAtVerdict FromRecord(DiscoveryRecord record, string domain) => record.Status switch
    {
        FoundAtStatus.Listed => Verdict(FoundAtStatus.Listed, Reason.With("discovery/listed", ("page", record.Page ?? domain)), domain) with { Page = record.Page, PagesRead = record.PagesRead },
        FoundAtStatus.NotListed => Verdict(FoundAtStatus.NotListed, Reason.With("discovery/not-found", ("domain", domain), ("pages", record.PagesRead)), domain) with { PagesRead = record.PagesRead },
        _ => Verdict(FoundAtStatus.Unavailable, record.Reason ?? Reason.With("discovery/unreadable", ("domain", domain), ("reason", new Reason("fetch/network-error"))), domain),
    };

    private static FoundAtVerdict Verdict(FoundAtStatus status, Reason reason, string domain) => new(status, reason) { Discovered = true, Domain = domain };

    /// <summary>A cache that does not answer within the wait (a slow table) is a miss, not a failure.</summary>
    private async Task<DiscoveryRecord?> ReadCacheAsync(string domain, string address, CancellationToken waiting, CancellationToken cancellationToken)
    {
        try
        {
            return await _cache.GetAsync(domain, DiscoveryRecord.AddressKey(address), waiting).ConfigureAwait(false);
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not OutOfMemoryException)
        {
            return null;
        }
    }

    private async Task WriteCacheAsync(string domain, string key, DiscoveryRecord record)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _cache.SetAsync(domain, key, record, limit.Token).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The verdict still answers this request; the next check looks again.
        }
    }

    /// <summary>Counts a look-up of the domain against its daily allowance; false when it is used up.</summary>
    private bool TryCountLookup(string domain)
    {
        lock (_lookupsToday)
        {
            int done = _lookupsToday.TryGet(domain, out int count) ? count : 0;
            if (done >= _options.MaxLookupsPerDomainPerDay)
                return false;
            // The window starts at the first look-up and is not extended by later ones.
            _lookupsToday.SetKeepingExpiry(domain, done + 1, TimeSpan.FromHours(24));
            return true;
        }
    }

    private static string RunKey(string domain, string address) => domain + "\n" + address.ToLowerInvariant();

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

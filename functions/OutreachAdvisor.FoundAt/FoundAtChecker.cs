using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.FoundAt.Fetching;
using OutreachAdvisor.FoundAt.Matching;

namespace OutreachAdvisor.FoundAt;

/// <summary>
/// Checks whether an address is listed on the page where the sender says they found it: an
/// http(s) URL (fetched through <see cref="SafePageFetcher"/>) or a local HTML/text file.
/// For one analysis (<see cref="CheckAllAsync"/>) each distinct page is read once, at most
/// <see cref="FoundAtLimits.MaxPagesPerRequest"/> pages are read, and verdicts are reused for a
/// few minutes, so a request naming 500 pages cannot make 500 fetches.
/// </summary>
public sealed partial class FoundAtChecker : IFoundAtChecker
{
    private readonly SafePageFetcher _fetcher;
    private readonly bool _allowLocalFiles;
    private readonly FoundAtLimits _limits;
    private readonly ExpiringCache<FoundAtVerdict> _verdicts;

    /// <param name="fetcher">Fetches URLs; the default uses the production limits.</param>
    /// <param name="allowLocalFiles">
    /// Whether a source may be a local file path. Right for the command line; a server that takes
    /// sources from requests should pass false, or callers could probe the server's files.
    /// </param>
    /// <param name="limits">Pages per request and verdict lifetimes; the defaults are the production ones.</param>
    /// <param name="clock">For the verdict lifetimes (tests move it).</param>
    public FoundAtChecker(SafePageFetcher? fetcher = null, bool allowLocalFiles = true, FoundAtLimits? limits = null, TimeProvider? clock = null)
    {
        _fetcher = fetcher ?? new SafePageFetcher();
        _allowLocalFiles = allowLocalFiles;
        _limits = limits ?? new FoundAtLimits();
        _verdicts = new ExpiringCache<FoundAtVerdict>(_limits.MaxCachedVerdicts, clock ?? TimeProvider.System);
    }

    /// <inheritdoc />
    /// <remarks>Never throws for bad input; only cancellation of <paramref name="cancellationToken"/> escapes.</remarks>
    public async Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken)
    {
        IReadOnlyList<FoundAtVerdict> verdicts = await CheckAllAsync([new FoundAtQuery(address, source)], Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        return verdicts[0];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Queries naming the same page (same URL but for the fragment, or the same file) share one read.
    /// Pages are taken in the order of the queries; past <see cref="FoundAtLimits.MaxPagesPerRequest"/>
    /// distinct pages the rest are not read and come back <c>Unavailable</c>, saying why. A verdict
    /// still in the cache costs no read and does not count. Never throws for bad input.
    /// </remarks>
    public async Task<IReadOnlyList<FoundAtVerdict>> CheckAllAsync(IReadOnlyList<FoundAtQuery> queries, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        cancellationToken.ThrowIfCancellationRequested();
        var verdicts = new FoundAtVerdict[queries.Count];
        var pages = new Dictionary<string, PageQueries>(StringComparer.Ordinal);
        var pageOrder = new List<PageQueries>();
        for (int i = 0; i < queries.Count; i++)
        {
            string address = queries[i]?.Address?.Trim() ?? string.Empty;
            string source = queries[i]?.Source?.Trim() ?? string.Empty;
            if (!AddressListingMatcher.IsSearchableAddress(address))
            {
                verdicts[i] = Unavailable(Reason.With("found-at/not-an-address", ("address", address)));
                continue;
            }

            if (source.Length == 0)
            {
                verdicts[i] = Unavailable(new Reason("found-at/no-source"));
                continue;
            }

            string key = PageKey(source);
            if (IsWebAddress(source) && _verdicts.TryGet(CacheKey(key, address), out FoundAtVerdict? cached))
            {
                verdicts[i] = cached;
                continue;
            }

            if (!pages.TryGetValue(key, out PageQueries? page))
            {
                pages[key] = page = new PageQueries(key, source);
                pageOrder.Add(page);
            }

            page.Add(i, address);
        }

        var reads = new List<Task>();
        for (int p = 0; p < pageOrder.Count; p++)
        {
            PageQueries page = pageOrder[p];
            if (p >= _limits.MaxPagesPerRequest)
            {
                FoundAtVerdict notRead = Unavailable(Reason.With("found-at/over-page-limit", ("limit", _limits.MaxPagesPerRequest)));
                foreach ((int index, _) in page.Queries)
                    verdicts[index] = notRead;
                continue;
            }

            reads.Add(ReadAndMatchAsync(page, verdicts, budget, cancellationToken));
        }

        await Task.WhenAll(reads).ConfigureAwait(false);
        return verdicts;
    }

    /// <summary>Reads one page and decides every address asked about on it, all within the budget.</summary>
    private async Task ReadAndMatchAsync(PageQueries page, FoundAtVerdict[] verdicts, TimeSpan budget, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(budget);
        PageFetchResult result;
        try
        {
            result = await ReadSourceAsync(page.Source, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            page.SetAll(verdicts, FoundAtBudget.TimedOut(budget));
            return;
        }

        bool cacheable = IsWebAddress(page.Source);
        if (!result.Succeeded)
        {
            FoundAtVerdict failed = Unavailable(result.FailureReason!);
            page.SetAll(verdicts, failed);
            // A page that was slow, or waited for a fetch slot, may answer next time; a refusal will not.
            if (cacheable && result.FailureReason!.Id is not ("fetch/timeout" or "fetch/busy"))
            {
                foreach ((_, string address) in page.Queries)
                    _verdicts.Set(CacheKey(page.Key, address), failed, _limits.FailureLifetime);
            }

            return;
        }

        // Matching is CPU work that grows with the addresses asked about one page: it stops at the budget too.
        var prepared = new PreparedPage(result.Text!);
        foreach ((int index, string address) in page.Queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (limit.IsCancellationRequested)
            {
                verdicts[index] = FoundAtBudget.TimedOut(budget);
                continue;
            }

            ListingMatch match = AddressListingMatcher.Find(address, prepared);
            FoundAtVerdict verdict = match.IsListed
                ? new FoundAtVerdict(FoundAtStatus.Listed, Reason.With("found-at/listed", ("form", match.MatchedForm!))) { Page = result.FinalUrl?.ToString() }
                : new FoundAtVerdict(FoundAtStatus.NotListed, Reason.With("found-at/not-listed", ("address", address), ("source", page.Source)));
            verdicts[index] = verdict;
            if (cacheable)
                _verdicts.Set(CacheKey(page.Key, address), verdict, _limits.VerdictLifetime);
        }
    }

    private async Task<PageFetchResult> ReadSourceAsync(string source, CancellationToken cancellationToken)
    {
        // A scheme needs two letters or more, so "C:\pages\x.html" stays a path.
        Match scheme = SchemePattern().Match(source);
        if (!scheme.Success)
        {
            return await ReadLocalFileAsync(source, cancellationToken).ConfigureAwait(false);
        }

        string name = scheme.Groups["scheme"].Value.ToLowerInvariant();
        if (name is "http" or "https")
        {
            return await _fetcher.FetchAsync(source, cancellationToken).ConfigureAwait(false);
        }

        if (name == "file" && Uri.TryCreate(source, UriKind.Absolute, out Uri? fileUri) && fileUri.IsFile)
        {
            return await ReadLocalFileAsync(fileUri.LocalPath, cancellationToken).ConfigureAwait(false);
        }

        return PageFetchResult.Failed("found-at/unsupported-source", ("scheme", name));
    }

    private async Task<PageFetchResult> ReadLocalFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!_allowLocalFiles)
        {
            return PageFetchResult.Failed("found-at/no-local-files");
        }

        return await LocalPageReader.ReadAsync(path, _fetcher.Options.MaxBytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The page a source names, for sharing one read: a URL without its fragment, with scheme and
    /// host in lower case and the default port dropped (what <see cref="Uri"/> normalises); anything
    /// else as given.
    /// </summary>
    private static string PageKey(string source) =>
        IsWebAddress(source) && Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) ? uri.GetLeftPart(UriPartial.Query) : source;

    private static string CacheKey(string pageKey, string address) => pageKey + "\n" + address.ToLowerInvariant();

    private static bool IsWebAddress(string source) =>
        source.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    private static FoundAtVerdict Unavailable(Reason reason) => new(FoundAtStatus.Unavailable, reason);

    [GeneratedRegex(@"\A(?<scheme>[a-zA-Z][a-zA-Z0-9+.\-]+):")]
    private static partial Regex SchemePattern();

    /// <summary>The queries (index, trimmed address) that name one page.</summary>
    private sealed class PageQueries(string key, string source)
    {
        public string Key { get; } = key;

        /// <summary>The first query's spelling of the page: what is fetched and quoted.</summary>
        public string Source { get; } = source;

        public List<(int Index, string Address)> Queries { get; } = [];

        public void Add(int index, string address) => Queries.Add((index, address));

        public void SetAll(FoundAtVerdict[] verdicts, FoundAtVerdict verdict)
        {
            foreach ((int index, _) in Queries)
                verdicts[index] = verdict;
        }
    }
}

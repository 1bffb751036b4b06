using OutreachAdvisor.FoundAt.Fetching;
using OutreachAdvisor.FoundAt.Matching;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// One look-up of one domain's site for some of its addresses: robots.txt, the home page, the
/// sitemap, then the likeliest pages (contact, team, about, press, imprint...) two at a time, until
/// every address is found, <see cref="DiscoveryOptions.MaxPages"/> pages were tried, or the budget
/// (the caller's token) runs out. Every request goes through the SSRF-safe fetcher.
/// </summary>
internal sealed class DomainSearch(SafePageFetcher fetcher, DiscoveryOptions options, string domain, IReadOnlyList<string> addresses)
{
    private const int RobotsFilesPerSearch = 3;
    private const int PagesAtOnce = 2;
    private static readonly string[] RobotsTypes = ["text/plain"];
    private static readonly string[] SitemapTypes = ["application/xml", "text/xml", "text/plain"];

    private readonly DomainSearchResult _result = new();
    private readonly HashSet<string> _remaining = new(addresses, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RobotsRules> _robots = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _siteHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <exception cref="OperationCanceledException">Never: running out of time is <see cref="DomainSearchResult.OutOfTime"/>.</exception>
    public async Task<DomainSearchResult> RunAsync(CancellationToken budget)
    {
        try
        {
            await SearchAsync(budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            _result.OutOfTime = true;
        }

        return _result;
    }

    private async Task SearchAsync(CancellationToken cancellationToken)
    {
        Uri? root = await FindSiteAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        var candidates = new List<PageLink>();
        _seen.Add(Key(root));
        if (!await AllowedAsync(root, cancellationToken).ConfigureAwait(false))
            _result.Disallowed++;
        else if ((await ReadPagesAsync([root], cancellationToken).ConfigureAwait(false))[0] is { Succeeded: true } home)
        {
            _siteHosts.Add(home.FinalUrl!.Host);
            candidates.AddRange(LinkReader.Links(home.Text!, home.FinalUrl));
        }

        if (_remaining.Count == 0)
            return;
        candidates.AddRange(await ReadSitemapsAsync(root, cancellationToken).ConfigureAwait(false));

        List<Uri> next = [];
        foreach (PageLink link in LikelyPages.Rank(candidates.Where(c => IsSameSite(c.Url))))
        {
            if (_remaining.Count == 0 || _result.PagesTried + next.Count >= options.MaxPages)
                break;
            if (!_seen.Add(Key(link.Url)))
                continue;
            if (!await AllowedAsync(link.Url, cancellationToken).ConfigureAwait(false))
            {
                _result.Disallowed++;
                continue;
            }

            next.Add(link.Url);
            if (next.Count == PagesAtOnce)
            {
                await ReadPagesAsync(next, cancellationToken).ConfigureAwait(false);
                next = [];
            }
        }

        if (next.Count > 0 && _remaining.Count > 0)
            await ReadPagesAsync(next, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The first site root whose server answers (robots.txt read or absent); null when none does.</summary>
    private async Task<Uri?> FindSiteAsync(CancellationToken cancellationToken)
    {
        foreach (Uri root in options.SiteRoots(domain))
        {
            RobotsRules? robots = await FetchRobotsAsync(root, cancellationToken).ConfigureAwait(false);
            if (robots is null)
                continue;
            _siteHosts.Add(root.Host);
            _result.Failure = null; // an earlier root that did not answer no longer matters
            return root;
        }

        return null;
    }

    /// <summary>robots.txt of <paramref name="site"/>'s host: its rules, allow-all when absent, disallow-all on a server error; null when the server is unreachable.</summary>
    private async Task<RobotsRules?> FetchRobotsAsync(Uri site, CancellationToken cancellationToken)
    {
        PageFetchResult answer = await fetcher.FetchAsync(new Uri(site, "/robots.txt"), RobotsTypes, cancellationToken).ConfigureAwait(false);
        RobotsRules? rules = answer switch
        {
            { Succeeded: true } => RobotsRules.Parse(answer.Text!, SafeFetchOptions.ProductToken),
            { StatusCode: >= 400 and < 500 } => RobotsRules.AllowAll,
            { StatusCode: >= 500 } => RobotsRules.DisallowAll,
            _ when answer.FailureReason!.Id is "fetch/not-text" or "fetch/too-large" => RobotsRules.AllowAll,
            _ => null,
        };
        if (rules is null)
            _result.Failure ??= answer.FailureReason;
        else
            _robots[site.Host] = rules;
        return rules;
    }

    private async Task<bool> AllowedAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!_robots.TryGetValue(url.Host, out RobotsRules? rules))
        {
            // Another host of the site (www., the home page's redirect target): its own robots.txt, a few at most.
            rules = _robots.Count < RobotsFilesPerSearch ? await FetchRobotsAsync(url, cancellationToken).ConfigureAwait(false) : null;
            if (rules is null)
                return false;
        }

        return rules.Allows(url);
    }

    /// <summary>
    /// Fetches pages robots.txt allows, at once (the fetcher's per-server cap keeps it polite), then
    /// looks on each for every address not found yet.
    /// </summary>
    private async Task<PageFetchResult[]> ReadPagesAsync(List<Uri> urls, CancellationToken cancellationToken)
    {
        _result.PagesTried += urls.Count;
        PageFetchResult[] pages = await Task.WhenAll(urls.Select(url => fetcher.FetchAsync(url, cancellationToken))).ConfigureAwait(false);
        foreach (PageFetchResult page in pages)
        {
            if (!page.Succeeded)
            {
                _result.Failure ??= page.FailureReason;
                continue;
            }

            _result.PagesRead++;
            var prepared = new PreparedPage(page.Text!);
            foreach (string address in _remaining.ToArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (AddressListingMatcher.Find(address, prepared).IsListed)
                {
                    _result.Listed[address] = page.FinalUrl!.ToString();
                    _remaining.Remove(address);
                }
            }
        }

        return pages;
    }

    /// <summary>The sitemap's page URLs: robots.txt's Sitemap lines (of this site) or /sitemap.xml, and one file a sitemap index names.</summary>
    private async Task<IEnumerable<PageLink>> ReadSitemapsAsync(Uri root, CancellationToken cancellationToken)
    {
        Uri? sitemap = _robots.GetValueOrDefault(root.Host)?.Sitemaps
            .Select(s => new Uri(s)).FirstOrDefault(IsSameSite) ?? new Uri(root, "/sitemap.xml");
        var pages = new List<PageLink>();
        for (int files = 0; sitemap is not null && files < options.MaxSitemaps; files++)
        {
            if (!IsSameSite(sitemap) || !await AllowedAsync(sitemap, cancellationToken).ConfigureAwait(false))
                break;
            PageFetchResult answer = await fetcher.FetchAsync(sitemap, SitemapTypes, cancellationToken).ConfigureAwait(false);
            if (!answer.Succeeded)
                break;
            List<Uri> locations = LinkReader.SitemapLocations(answer.Text!, answer.FinalUrl!);
            if (!LinkReader.IsSitemapIndex(answer.Text!))
            {
                pages.AddRange(locations.Select(url => new PageLink(url, string.Empty)));
                break;
            }

            // An index of sitemaps: the one of plain pages (WordPress "page-sitemap.xml") rather than of posts.
            sitemap = locations.FirstOrDefault(u => u.AbsolutePath.Contains("page", StringComparison.OrdinalIgnoreCase)) ?? locations.FirstOrDefault();
        }

        return pages;
    }

    /// <summary>The domain, its subdomains (www.) and the hosts its site answered from.</summary>
    private bool IsSameSite(Uri url) =>
        url.Host.Equals(domain, StringComparison.OrdinalIgnoreCase)
        || url.Host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase)
        || _siteHosts.Contains(url.Host);

    private static string Key(Uri url) => url.GetLeftPart(UriPartial.Query);
}

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>The limits of discovery (docs/found-at.md, "Discovery"). The defaults are the production ones.</summary>
public sealed record DiscoveryOptions
{
    /// <summary>Pages of one domain fetched in one look-up, the home page included (robots.txt and the sitemap are not pages).</summary>
    public int MaxPages { get; init; } = 8;

    /// <summary>Sitemap files read in one look-up: the sitemap, and one file it indexes.</summary>
    public int MaxSitemaps { get; init; } = 2;

    /// <summary>Wall time for one look-up of one domain, however many addresses it looks for.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a verdict (found, not found, robots.txt forbids) is reused.</summary>
    public TimeSpan VerdictLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a site that could not be read, or was read only in part before the budget ran out, is not looked at again.</summary>
    public TimeSpan FailureLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Domains looked up for one message; the others wait for a later check.</summary>
    public int MaxDomainsPerRequest { get; init; } = 3;

    /// <summary>Look-ups of one domain per 24 hours in this process, so that made-up addresses at one domain cannot make the service hammer its site.</summary>
    public int MaxLookupsPerDomainPerDay { get; init; } = 50;

    /// <summary>Verdicts kept by the in-memory cache at most.</summary>
    public int MaxCachedVerdicts { get; init; } = 10_000;

    /// <summary>
    /// Where a domain's site is looked for, in order: https://DOMAIN/ then https://www.DOMAIN/. Tests
    /// point it at a local server's port; nothing else should change it.
    /// </summary>
    public Func<string, IReadOnlyList<Uri>> SiteRoots { get; init; } = DefaultSiteRoots;

    public static IReadOnlyList<Uri> DefaultSiteRoots(string domain) =>
        [new Uri($"https://{domain}/"), new Uri($"https://www.{domain}/")];
}

using OutreachAdvisor.FoundAt.Discovery;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// Made-up organisations' sites for the discovery tests, all served by one loopback <see cref="SiteServer"/>:
/// the test resolver maps each name (and its www.) to 127.0.0.1, and discovery's site roots point at the
/// server's port over http (the only test-only changes: loopback allowed, the resolver, the roots).
/// </summary>
internal sealed class DiscoverySites(SiteServer server)
{
    private static int Counter;

    public SiteServer Server { get; } = server;

    public TestResolver Resolver { get; } = new();

    /// <summary>A fresh domain name (so request counts never mix), resolving to the server, www. too.</summary>
    public string NewDomain(string name)
    {
        string domain = $"{name}-{Interlocked.Increment(ref Counter)}.test";
        Resolver.Map(domain, Server.Address).Map("www." + domain, Server.Address);
        return domain;
    }

    public DiscoveryOptions Options(TimeSpan? budget = null) => new()
    {
        Budget = budget ?? TimeSpan.FromSeconds(3),
        SiteRoots = domain => [new Uri($"http://{domain}:{Server.Port}/"), new Uri($"http://www.{domain}:{Server.Port}/")],
    };

    public SafePageFetcher Fetcher(TimeSpan? timeout = null) =>
        new(new SafeFetchOptions { AllowLoopback = true, Timeout = timeout ?? TimeSpan.FromSeconds(5) }, Resolver.ResolveAsync, new FetchThrottle());

    public SiteDiscovery Discovery(TimeSpan? budget = null, IDiscoveryCache? cache = null, TimeProvider? clock = null, SafePageFetcher? fetcher = null) =>
        new(fetcher ?? Fetcher(), cache, Options(budget), clock);

    public string Url(string domain, string path) => Server.Url(domain, path);

    /// <summary>Page requests to the domain (robots.txt and sitemaps not counted).</summary>
    public string[] PagesRequested(string domain) =>
        Server.PathsRequested(domain).Concat(Server.PathsRequested("www." + domain))
            .Where(p => p != "/robots.txt" && !p.Contains("sitemap", StringComparison.Ordinal)).ToArray();

    public int AllRequests(string domain) => Server.RequestsTo(domain) + Server.RequestsTo("www." + domain);
}

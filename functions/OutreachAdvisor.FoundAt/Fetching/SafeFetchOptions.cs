namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>Limits for <see cref="SafePageFetcher"/>. The defaults are the production limits.</summary>
public sealed record SafeFetchOptions
{
    public long MaxBytes { get; init; } = 1_048_576;

    /// <summary>For the whole fetch: DNS, connecting, every redirect hop and reading the body.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// Lets the fetcher reach 127.0.0.0/8 and ::1, for tests against a local server and nothing else.
    /// Private, link-local, metadata and every other range stay refused.
    /// </summary>
    public bool AllowLoopback { get; init; }

    /// <summary>Names the product and what it does, so a site's owner can see who reads their pages and block it in robots.txt.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>The product token is what robots.txt groups match (<c>User-agent: OutreachAdvisor</c>).</summary>
    public const string ProductToken = "OutreachAdvisor";

    public const string DefaultUserAgent = ProductToken + "/1.0 (checks whether an e-mail address is published on a page; honours robots.txt)";
}

namespace OutreachAdvisor.FoundAt;

/// <summary>How much page reading one analysis may cause, and how long verdicts are reused (docs/found-at.md, "Limits per request").</summary>
public sealed record FoundAtLimits
{
    /// <summary>Distinct pages read for one analysis; further pages are not read and their checks say so.</summary>
    public int MaxPagesPerRequest { get; init; } = 10;

    /// <summary>How long a page's verdict for an address (listed or not) is reused without reading the page again.</summary>
    public TimeSpan VerdictLifetime { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a page that could not be read (refused, too large, an HTTP error) is not tried again.</summary>
    public TimeSpan FailureLifetime { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Verdicts kept in memory at most; the oldest go first.</summary>
    public int MaxCachedVerdicts { get; init; } = 4096;
}

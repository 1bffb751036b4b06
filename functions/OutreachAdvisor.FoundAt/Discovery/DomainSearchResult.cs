using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>What one look-up of a domain's site found.</summary>
internal sealed class DomainSearchResult
{
    /// <summary>The address (as asked) -> the page it is listed on.</summary>
    public Dictionary<string, string> Listed { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pages read and searched (robots.txt and sitemaps not counted).</summary>
    public int PagesRead { get; set; }

    /// <summary>Pages asked for, read or not: what the page cap counts.</summary>
    public int PagesTried { get; set; }

    /// <summary>Candidate pages robots.txt did not allow.</summary>
    public int Disallowed { get; set; }

    /// <summary>Why the site, or its first page, could not be read.</summary>
    public Reason? Failure { get; set; }

    /// <summary>The budget ran out before the look-up was done.</summary>
    public bool OutOfTime { get; set; }

    /// <summary>robots.txt kept every page from being read (nothing was read, and nothing failed).</summary>
    public bool ForbiddenByRobots => PagesRead == 0 && Disallowed > 0 && Failure is null && !OutOfTime;
}

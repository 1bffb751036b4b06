using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>Decides whether an address is listed on the page where the sender says they found it.</summary>
public interface IFoundAtChecker
{
    /// <param name="address">The recipient's e-mail address.</param>
    /// <param name="source">An http(s) URL or a local HTML/text file path.</param>
    Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken);

    /// <summary>
    /// The verdicts of one analysis's found-at pages, in the order of <paramref name="queries"/>, each
    /// page given at most <paramref name="budget"/>. A checker that fetches pages overrides this to
    /// read each distinct page once and to cap how many it reads per analysis; this default checks
    /// each query on its own.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    async Task<IReadOnlyList<FoundAtVerdict>> CheckAllAsync(IReadOnlyList<FoundAtQuery> queries, TimeSpan budget, CancellationToken cancellationToken) =>
        await Task.WhenAll(queries.Select(q => FoundAtBudget.RunAsync(token => CheckAsync(q.Address, q.Source, token), budget, cancellationToken))).ConfigureAwait(false);
}

/// <summary>One recipient's address and the page (URL or file) the sender says they found it on.</summary>
public sealed record FoundAtQuery(string Address, string Source);

public enum FoundAtStatus
{
    /// <summary>The address appears on the page (plain, mailto:, entity-encoded or obfuscated).</summary>
    Listed,
    /// <summary>The page was read and the address is not on it (for discovery: not on any page read).</summary>
    NotListed,
    /// <summary>The page could not be read (refused by the SSRF guard, too large, timed out, missing file...).</summary>
    Unavailable,
}

/// <param name="Detail">Why, as a reason the reader's language renders: "listed as 'jane [at] shape [dot] example'", "refused: 10.0.0.5 is a private address".</param>
public sealed record FoundAtVerdict(FoundAtStatus Status, Reason Detail)
{
    /// <summary>Not from a page the sender gave: the product looked on the recipient's organisation's site (see <see cref="IAddressDiscovery"/>).</summary>
    public bool Discovered { get; init; }

    /// <summary>The page the address was found on (after redirects), when <see cref="Status"/> is <see cref="FoundAtStatus.Listed"/> and the page is known.</summary>
    public string? Page { get; init; }

    /// <summary>For discovery: the domain whose pages were looked at.</summary>
    public string? Domain { get; init; }

    /// <summary>For discovery: how many of the domain's pages were read.</summary>
    public int PagesRead { get; init; }
}

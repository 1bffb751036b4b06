namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// Looks for recipients' addresses on their own organisation's public pages when the sender gave no
/// found-at page (docs/found-at.md, "Discovery"). Implemented in OutreachAdvisor.FoundAt; the context
/// stage asks it only about cold recipients at organisation (not webmail) domains.
/// </summary>
public interface IAddressDiscovery
{
    /// <summary>
    /// The verdicts for <paramref name="addresses"/>, in order, each with <see cref="FoundAtVerdict.Discovered"/> set.
    /// Returns within <paramref name="wait"/> (plus the time of a cache look-up): an address whose
    /// look-up has not finished by then is <c>Unavailable</c> ("still looking"), and the look-up goes on
    /// in the background so that the next check finds its verdict cached.
    /// </summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    Task<IReadOnlyList<FoundAtVerdict>> DiscoverAsync(IReadOnlyList<string> addresses, TimeSpan wait, CancellationToken cancellationToken);
}

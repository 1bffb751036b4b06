using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.FoundAt.Matching;

namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>
/// The found-at check on a case's stored pages: the product's own <see cref="AddressListingMatcher"/>
/// reads the page, so plain, mailto:, entity-encoded and obfuscated listings count as they do live.
/// </summary>
public sealed class CasePages(CorpusCase corpusCase) : IFoundAtChecker
{
    public Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken)
    {
        if (!corpusCase.Pages.TryGetValue(source, out string? page))
            return Task.FromResult(new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/failed")));
        if (!AddressListingMatcher.IsSearchableAddress(address))
            return Task.FromResult(new FoundAtVerdict(FoundAtStatus.Unavailable, Reason.With("found-at/not-an-address", ("address", address))));
        ListingMatch match = AddressListingMatcher.Find(address, page);
        return Task.FromResult(match.IsListed
            ? new FoundAtVerdict(FoundAtStatus.Listed, Reason.With("found-at/listed", ("form", match.MatchedForm!)))
            : new FoundAtVerdict(FoundAtStatus.NotListed, Reason.With("found-at/not-listed", ("address", address), ("source", source))));
    }
}

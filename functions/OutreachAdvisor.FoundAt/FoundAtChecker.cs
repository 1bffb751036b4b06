using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.FoundAt.Fetching;
using OutreachAdvisor.FoundAt.Matching;

namespace OutreachAdvisor.FoundAt;

/// <summary>
/// Checks whether an address is listed on the page where the sender says they found it: an
/// http(s) URL (fetched through <see cref="SafePageFetcher"/>) or a local HTML/text file.
/// </summary>
public sealed partial class FoundAtChecker : IFoundAtChecker
{
    private readonly SafePageFetcher _fetcher;
    private readonly bool _allowLocalFiles;

    /// <param name="fetcher">Fetches URLs; the default uses the production limits.</param>
    /// <param name="allowLocalFiles">
    /// Whether a source may be a local file path. Right for the command line; a server that takes
    /// sources from requests should pass false, or callers could probe the server's files.
    /// </param>
    public FoundAtChecker(SafePageFetcher? fetcher = null, bool allowLocalFiles = true)
    {
        _fetcher = fetcher ?? new SafePageFetcher();
        _allowLocalFiles = allowLocalFiles;
    }

    /// <inheritdoc />
    /// <remarks>Never throws for bad input; only cancellation of <paramref name="cancellationToken"/> escapes.</remarks>
    public async Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        address = address?.Trim() ?? string.Empty;
        source = source?.Trim() ?? string.Empty;
        if (!AddressListingMatcher.IsSearchableAddress(address))
        {
            return Unavailable(Reason.With("found-at/not-an-address", ("address", address)));
        }

        if (source.Length == 0)
        {
            return Unavailable(new Reason("found-at/no-source"));
        }

        PageFetchResult page = await ReadSourceAsync(source, cancellationToken).ConfigureAwait(false);
        if (!page.Succeeded)
        {
            return Unavailable(page.FailureReason!);
        }

        ListingMatch match = AddressListingMatcher.Find(address, page.Text!);
        return match.IsListed
            ? new FoundAtVerdict(FoundAtStatus.Listed, Reason.With("found-at/listed", ("form", match.MatchedForm!)))
            : new FoundAtVerdict(FoundAtStatus.NotListed, Reason.With("found-at/not-listed", ("address", address), ("source", source)));
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

    private static FoundAtVerdict Unavailable(Reason reason) => new(FoundAtStatus.Unavailable, reason);

    [GeneratedRegex(@"\A(?<scheme>[a-zA-Z][a-zA-Z0-9+.\-]+):")]
    private static partial Regex SchemePattern();
}

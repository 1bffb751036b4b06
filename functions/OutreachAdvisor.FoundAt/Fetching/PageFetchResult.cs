namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>A fetched page's text, or why there is none. Holds the body only for the caller's use.</summary>
public sealed class PageFetchResult
{
    private PageFetchResult(string? text, string? failure, Uri? finalUrl)
    {
        Text = text;
        Failure = failure;
        FinalUrl = finalUrl;
    }

    public bool Succeeded => Failure is null;

    /// <summary>The decoded body; null when the fetch failed.</summary>
    public string? Text { get; }

    /// <summary>A reason for a person, e.g. "refused: 10.0.0.5 is a private address"; null on success.</summary>
    public string? Failure { get; }

    /// <summary>The URL the text came from, after redirects.</summary>
    public Uri? FinalUrl { get; }

    public static PageFetchResult Success(string text, Uri finalUrl) => new(text, null, finalUrl);

    public static PageFetchResult Failed(string reason) => new(null, reason, null);
}

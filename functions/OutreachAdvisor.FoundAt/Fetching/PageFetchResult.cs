using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>A fetched page's text, or why there is none. Holds the body only for the caller's use.</summary>
public sealed class PageFetchResult
{
    private PageFetchResult(string? text, Reason? failure, Uri? finalUrl, int? statusCode = null)
    {
        Text = text;
        FailureReason = failure;
        FinalUrl = finalUrl;
        StatusCode = statusCode;
    }

    public bool Succeeded => FailureReason is null;

    /// <summary>The decoded body; null when the fetch failed.</summary>
    public string? Text { get; }

    /// <summary>Why there is no text, as a reason the reader's language renders ("refused: 10.0.0.5 is a private address"); null on success.</summary>
    public Reason? FailureReason { get; }

    /// <summary><see cref="FailureReason"/> in English, for logs and tests.</summary>
    public string? Failure => FailureReason?.ToString();

    /// <summary>The URL the text came from, after redirects.</summary>
    public Uri? FinalUrl { get; }

    /// <summary>The HTTP status of a server's answer that was not a success (404, 503...); null otherwise. robots.txt rules depend on it.</summary>
    public int? StatusCode { get; }

    public static PageFetchResult Success(string text, Uri finalUrl) => new(text, null, finalUrl);

    /// <summary>The server answered <paramref name="statusCode"/> instead of the page.</summary>
    public static PageFetchResult FailedWithStatus(int statusCode, Reason reason) => new(null, reason, null, statusCode);

    public static PageFetchResult Failed(Reason reason) => new(null, reason, null);

    public static PageFetchResult Failed(string id, params (string Name, object Value)[] values) => new(null, Reason.With(id, values), null);
}

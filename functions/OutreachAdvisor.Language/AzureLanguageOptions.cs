namespace OutreachAdvisor.Language;

/// <summary>Where and how to call Azure AI Language (analyze-text).</summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The resource endpoint, e.g. <c>https://my-language.cognitiveservices.azure.com/</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The resource key, sent as <c>Ocp-Apim-Subscription-Key</c>. Used only when no token credential is given.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Authenticate with a Microsoft Entra token (managed identity in Azure) instead of the key.</summary>
    public bool UseManagedIdentity { get; init; }

    /// <summary>
    /// The budget for one client operation: all its requests, retries and waits included.
    /// The built-in analyzer is the fallback, so this is kept short.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries of one request after 429, 5xx or a network error (not after 4xx or a timeout).</summary>
    public int MaxRetries { get; init; } = 1;

    /// <summary>The analyze-text REST API version.</summary>
    public string ApiVersion { get; init; } = "2024-11-01";

    internal void Validate()
    {
        if (!Endpoint.IsAbsoluteUri)
        {
            throw new ArgumentException("The Language endpoint must be an absolute URI.", nameof(Endpoint));
        }

        // Keys and tokens are never sent in clear text, except to this machine (tests, local emulators).
        bool secure = Endpoint.Scheme == Uri.UriSchemeHttps || (Endpoint.Scheme == Uri.UriSchemeHttp && Endpoint.IsLoopback);
        if (!secure)
        {
            throw new ArgumentException($"The Language endpoint must use https (got '{Endpoint.Scheme}').", nameof(Endpoint));
        }

        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive.");
        }

        if (MaxRetries < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRetries), MaxRetries, "MaxRetries cannot be negative.");
        }

        if (string.IsNullOrWhiteSpace(ApiVersion))
        {
            throw new ArgumentException("The API version is required.", nameof(ApiVersion));
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Azure.Core;

namespace OutreachAdvisor.Language;

/// <summary>
/// A small client for Azure AI Language <c>POST {endpoint}/language/:analyze-text</c> (synchronous analysis),
/// shaped like an Azure SDK client: options, key or Entra token, async operations with typed results,
/// and one exception type, <see cref="LanguageServiceException"/>.
/// Each operation accepts any number of documents and sends as many requests as the documented limits need.
/// </summary>
public class AzureLanguageClient
{
    /// <summary>The Entra scope for Cognitive Services data-plane calls.</summary>
    public const string TokenScope = "https://cognitiveservices.azure.com/.default";

    /// <summary>"Maximum request size: 1 MB" (all documents of one request); a margin is kept for the envelope.</summary>
    public const int MaxRequestBytes = 1_000_000;

    /// <summary>Requests of one operation in flight at once (long texts make several).</summary>
    public const int MaxParallelRequests = 4;

    private const string KeyHeader = "Ocp-Apim-Subscription-Key";
    private const int EnvelopeBytes = 1_024;
    private static readonly TimeSpan TokenRefreshMargin = TimeSpan.FromMinutes(2);

    private readonly HttpClient _http = null!;
    private readonly TokenCredential? _credential;
    private readonly Uri _analyzeTextUri = null!;
    private volatile CachedToken? _token;

    /// <summary>For mocking.</summary>
    protected AzureLanguageClient()
    {
        Options = new AzureLanguageOptions { Endpoint = new Uri("https://localhost/") };
    }

    /// <summary>Authenticates with <see cref="AzureLanguageOptions.ApiKey"/>.</summary>
    public AzureLanguageClient(HttpClient httpClient, AzureLanguageOptions options)
        : this(httpClient, options, credential: null)
    {
    }

    /// <summary>Authenticates with an Entra token from <paramref name="credential"/> when it is given, else with the key.</summary>
    public AzureLanguageClient(HttpClient httpClient, AzureLanguageOptions options, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (credential is null && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            throw new ArgumentException(
                options.UseManagedIdentity
                    ? "UseManagedIdentity is set but no TokenCredential was given."
                    : "Either an API key or a TokenCredential is required.",
                nameof(options));
        }

        _http = httpClient;
        _credential = credential;
        Options = options;
        string endpoint = options.Endpoint.AbsoluteUri.TrimEnd('/');
        _analyzeTextUri = new Uri(
            $"{endpoint}/language/:analyze-text?api-version={Uri.EscapeDataString(options.ApiVersion)}", UriKind.Absolute);
    }

    public AzureLanguageOptions Options { get; }

    /// <summary>Documents per request, per kind, for synchronous calls (Azure AI Language "Service limits").</summary>
    public static int MaxDocumentsPerRequest(string kind) => kind switch
    {
        AnalyzeTextKind.LanguageDetection => 1_000,
        AnalyzeTextKind.KeyPhraseExtraction => 10,
        AnalyzeTextKind.EntityRecognition => 5,
        AnalyzeTextKind.PiiEntityRecognition => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown analyze-text kind."),
    };

    public virtual Task<AnalyzeTextResult<DetectedLanguageDocument>> DetectLanguageAsync(
        IReadOnlyList<TextDocument> documents, CancellationToken cancellationToken = default) =>
        RunAsync(AnalyzeTextKind.LanguageDetection, documents, ResponseParser.DetectedLanguage, cancellationToken);

    public virtual Task<AnalyzeTextResult<EntitiesDocument>> RecognizeEntitiesAsync(
        IReadOnlyList<TextDocument> documents, CancellationToken cancellationToken = default) =>
        RunAsync(AnalyzeTextKind.EntityRecognition, documents, ResponseParser.Entities, cancellationToken);

    public virtual Task<AnalyzeTextResult<KeyPhrasesDocument>> ExtractKeyPhrasesAsync(
        IReadOnlyList<TextDocument> documents, CancellationToken cancellationToken = default) =>
        RunAsync(AnalyzeTextKind.KeyPhraseExtraction, documents, ResponseParser.KeyPhrases, cancellationToken);

    public virtual Task<AnalyzeTextResult<PiiEntitiesDocument>> RecognizePiiEntitiesAsync(
        IReadOnlyList<TextDocument> documents, CancellationToken cancellationToken = default) =>
        RunAsync(AnalyzeTextKind.PiiEntityRecognition, documents, ResponseParser.PiiEntities, cancellationToken);

    private async Task<AnalyzeTextResult<T>> RunAsync<T>(
        string kind, IReadOnlyList<TextDocument> documents, Func<JsonElement, T> parseDocument, CancellationToken cancellationToken)
    {
        ValidateDocuments(documents);
        if (documents.Count == 0)
        {
            return new AnalyzeTextResult<T>([], [], [], null, 0);
        }

        IReadOnlyList<IReadOnlyList<TextDocument>> batches = RequestBuilder.Batch(kind, documents, MaxDocumentsPerRequest(kind), MaxRequestBytes - EnvelopeBytes);
        var pages = new ResponseParser.Page<T>[batches.Count];

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        long deadline = Stopwatch.GetTimestamp() + (long)(Options.Timeout.TotalSeconds * Stopwatch.Frequency);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batches.Count),
                new ParallelOptions { MaxDegreeOfParallelism = MaxParallelRequests, CancellationToken = timeout.Token },
                async (index, token) =>
                {
                    byte[] body = RequestBuilder.Body(kind, batches[index]);
                    using JsonDocument response = await SendAsync(body, deadline, token).ConfigureAwait(false);
                    pages[index] = ResponseParser.Parse(response.RootElement, kind, parseDocument);
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LanguageServiceException(
                0, LanguageServiceException.Codes.Timeout,
                $"Azure AI Language {kind} did not answer within {Options.Timeout.TotalSeconds:0.###} s.", innerException: ex);
        }

        return Merge(documents, pages, batches.Count);
    }

    private static AnalyzeTextResult<T> Merge<T>(IReadOnlyList<TextDocument> documents, ResponseParser.Page<T>[] pages, int requests)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (ResponseParser.Page<T> page in pages)
        {
            foreach ((string? id, T? document) in page.Documents)
            {
                byId[id] = document;
            }
        }

        // Input order; ids the service returned that were not sent are dropped.
        var ordered = documents.Where(d => byId.ContainsKey(d.Id)).Select(d => byId[d.Id]).ToList();
        return new AnalyzeTextResult<T>(
            ordered,
            pages.SelectMany(p => p.Errors).ToList(),
            pages.SelectMany(p => p.Warnings).ToList(),
            pages.Select(p => p.ModelVersion).FirstOrDefault(v => v is not null),
            requests);
    }

    private static void ValidateDocuments(IReadOnlyList<TextDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (TextDocument document in documents)
        {
            ArgumentNullException.ThrowIfNull(document, nameof(documents));
            if (string.IsNullOrEmpty(document.Id) || !ids.Add(document.Id))
            {
                throw new ArgumentException($"Document ids must be non-empty and unique ('{document.Id}').", nameof(documents));
            }

            if (string.IsNullOrWhiteSpace(document.Text))
            {
                throw new ArgumentException($"Document '{document.Id}' has no text.", nameof(documents));
            }
        }
    }

    /// <summary>One request, retried after 429/5xx/network errors while the retry budget and the deadline allow.</summary>
    private async Task<JsonDocument> SendAsync(byte[] body, long deadline, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            bool canRetry = attempt < Options.MaxRetries;
            using var request = new HttpRequestMessage(HttpMethod.Post, _analyzeTextUri);
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                var failure = new LanguageServiceException(
                    0, LanguageServiceException.Codes.NetworkError, $"Azure AI Language could not be reached: {ex.Message}", innerException: ex);
                await WaitBeforeRetryAsync(canRetry, Backoff(attempt), deadline, failure, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
                }

                LanguageServiceException failure = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                await WaitBeforeRetryAsync(
                    canRetry && IsRetriable(response.StatusCode),
                    RetryAfter(response) ?? Backoff(attempt),
                    deadline, failure, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Waits, or throws <paramref name="failure"/> when no retry is left or the wait would overrun the deadline.</summary>
    private static async Task WaitBeforeRetryAsync(
        bool canRetry, TimeSpan delay, long deadline, LanguageServiceException failure, CancellationToken cancellationToken)
    {
        TimeSpan remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
        if (!canRetry || delay >= remaining)
        {
            throw failure;
        }

        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsRetriable(HttpStatusCode status) => status is HttpStatusCode.RequestTimeout
        or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * (1 << Math.Min(attempt, 5)));

    /// <summary><c>retry-after-ms</c>, <c>x-ms-retry-after-ms</c>, or <c>Retry-After</c> in (possibly fractional) seconds or as a date.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        foreach (string? name in new[] { "retry-after-ms", "x-ms-retry-after-ms" })
        {
            if (response.Headers.TryGetValues(name, out IEnumerable<string>? values)
                && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms) && ms >= 0)
            {
                return TimeSpan.FromMilliseconds(ms);
            }
        }

        if (response.Headers.TryGetValues("Retry-After", out IEnumerable<string>? retryAfter))
        {
            string? value = retryAfter.FirstOrDefault()?.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
            {
                TimeSpan wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_credential is null)
        {
            request.Headers.Add(KeyHeader, Options.ApiKey);
            return;
        }

        string token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>
    /// The cached token, or a new one. Concurrent first calls may both ask the credential; that is harmless
    /// (Azure.Identity credentials cache tokens themselves) and avoids a lock that would need disposing.
    /// </summary>
    private async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_token is { } cached && !NeedsRefresh(cached.Value))
        {
            return cached.Value.Token;
        }

        AccessToken fresh;
        try
        {
            fresh = await _credential!.GetTokenAsync(new TokenRequestContext([TokenScope]), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new LanguageServiceException(
                0, "CredentialUnavailable", $"No Entra token for Azure AI Language: {ex.Message}", innerException: ex);
        }

        _token = new CachedToken(fresh);
        return fresh.Token;
    }

    private static bool NeedsRefresh(AccessToken token) =>
        token.ExpiresOn - TokenRefreshMargin <= DateTimeOffset.UtcNow
        || (token.RefreshOn is { } refreshOn && refreshOn <= DateTimeOffset.UtcNow);

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw new LanguageServiceException(
                (int)response.StatusCode, LanguageServiceException.Codes.InvalidResponse,
                "Azure AI Language answered with JSON that could not be read.", innerException: ex);
        }
    }

    /// <summary>The documented <c>ErrorResponse</c>: <c>{ "error": { "code", "message", "innererror": { "code", ... } } }</c>.</summary>
    private static async Task<LanguageServiceException> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        int status = (int)response.StatusCode;
        string? headerCode = response.Headers.TryGetValues("x-ms-error-code", out IEnumerable<string>? values) ? values.FirstOrDefault() : null;
        string? code = null, message = null, innerCode = null;
        try
        {
            byte[] bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(bytes);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
            {
                code = ResponseParser.String(error, "code");
                message = ResponseParser.String(error, "message");
                innerCode = error.TryGetProperty("innererror", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object
                    ? ResponseParser.String(inner, "code")
                    : null;
            }
        }
        catch (JsonException)
        {
            // Not the documented shape (a gateway page, an empty body): the status says enough.
        }

        code ??= headerCode;
        string text = $"Azure AI Language answered {status} {response.ReasonPhrase}"
            + (code is null ? "" : $" ({code}{(innerCode is null ? "" : "/" + innerCode)})")
            + (message is null ? "." : $": {message}");
        return new LanguageServiceException(status, code, text, innerCode);
    }

    /// <summary>A reference wrapper, so the cache is replaced atomically (an AccessToken is a multi-field struct).</summary>
    private sealed record CachedToken(AccessToken Value);
}

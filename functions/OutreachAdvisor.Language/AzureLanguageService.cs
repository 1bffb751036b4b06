using Azure.Core;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>
/// <see cref="ILanguageService"/> over Azure AI Language: language detection, named entities, key phrases and PII,
/// called concurrently over the text cut into documents of at most 5,120 characters. Any failure (HTTP error,
/// per-document error, unreadable answer, timeout) throws <see cref="LanguageServiceException"/>, so that the caller
/// falls back to the built-in analyzer instead of using partial signals.
/// </summary>
public sealed class AzureLanguageService : ILanguageService
{
    public const string ServiceName = "azure-ai-language";

    // One pooled client for the process when the host does not supply one (connections are recycled for DNS changes).
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));

    public AzureLanguageService(AzureLanguageClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
    }

    public string Name => ServiceName;

    public AzureLanguageClient Client { get; }

    /// <summary>
    /// The service from the app settings <c>Language__Endpoint</c>, <c>Language__ApiKey</c> and
    /// <c>Language__UseManagedIdentity</c>; null when no endpoint is configured (the offline default).
    /// Managed identity (via <paramref name="credential"/>) is preferred; the key is the fallback.
    /// </summary>
    /// <exception cref="InvalidOperationException">An endpoint is set but no usable way to authenticate is.</exception>
    public static AzureLanguageService? FromSettings(
        string? endpoint, string? apiKey, bool useManagedIdentity, TokenCredential? credential, HttpClient? httpClient = null)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out Uri? uri))
        {
            throw new InvalidOperationException($"Language__Endpoint is not an absolute URI: '{endpoint}'.");
        }

        TokenCredential? token = useManagedIdentity ? credential : null;
        if (token is null && string.IsNullOrWhiteSpace(apiKey))
        {
            throw new InvalidOperationException(useManagedIdentity
                ? "Language__UseManagedIdentity is true but no credential was supplied, and Language__ApiKey is empty."
                : "Language__Endpoint is set but Language__ApiKey is empty and Language__UseManagedIdentity is false.");
        }

        var options = new AzureLanguageOptions { Endpoint = uri, ApiKey = apiKey, UseManagedIdentity = token is not null };
        try
        {
            return new AzureLanguageService(new AzureLanguageClient(httpClient ?? SharedHttpClient.Value, options, token));
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"The Language settings are not usable: {ex.Message}", ex);
        }
    }

    public async Task<LanguageSignals> AnalyzeAsync(string text, string? languageHint, CancellationToken cancellationToken) =>
        (await AnalyzeDetailedAsync(text, languageHint, cancellationToken).ConfigureAwait(false)).Signals;

    /// <summary>
    /// As <see cref="AnalyzeAsync"/>, with the warnings. <paramref name="languageHint"/> is sent as the documents'
    /// language for entities, key phrases and PII (these calls run alongside detection, not after it);
    /// without a hint the service assumes English.
    /// </summary>
    public async Task<LanguageAnalysis> AnalyzeDetailedAsync(string text, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = TextChunker.Split(text).Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
        if (chunks.Count == 0)
        {
            return new LanguageAnalysis(LanguageSignals.Empty, [], 0);
        }

        var starts = new Dictionary<string, int>(StringComparer.Ordinal);
        var documents = new List<TextDocument>(chunks.Count);
        for (int i = 0; i < chunks.Count; i++)
        {
            string id = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            starts[id] = chunks[i].Start;
            documents.Add(new TextDocument(id, chunks[i].Text, string.IsNullOrWhiteSpace(languageHint) ? null : languageHint));
        }

        Task<AnalyzeTextResult<DetectedLanguageDocument>> detection = Client.DetectLanguageAsync(documents, cancellationToken);
        Task<AnalyzeTextResult<EntitiesDocument>> entities = Client.RecognizeEntitiesAsync(documents, cancellationToken);
        Task<AnalyzeTextResult<KeyPhrasesDocument>> keyPhrases = Client.ExtractKeyPhrasesAsync(documents, cancellationToken);
        Task<AnalyzeTextResult<PiiEntitiesDocument>> pii = Client.RecognizePiiEntitiesAsync(documents, cancellationToken);
        try
        {
            await Task.WhenAll(detection, entities, keyPhrases, pii).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Report the first real failure rather than whichever task is first in the list.
            var failures = new Task[] { detection, entities, keyPhrases, pii }
                .Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).ToList();
            Exception? failure = failures.OfType<LanguageServiceException>().FirstOrDefault(e => e.ErrorCode != LanguageServiceException.Codes.Timeout)
                ?? failures.FirstOrDefault();
            if (failure is null)
            {
                throw;
            }

            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        EnsureComplete(documents, detection.Result.Documents.Select(d => d.Id), detection.Result.Errors, AnalyzeTextKind.LanguageDetection);
        EnsureComplete(documents, entities.Result.Documents.Select(d => d.Id), entities.Result.Errors, AnalyzeTextKind.EntityRecognition);
        EnsureComplete(documents, keyPhrases.Result.Documents.Select(d => d.Id), keyPhrases.Result.Errors, AnalyzeTextKind.KeyPhraseExtraction);
        EnsureComplete(documents, pii.Result.Documents.Select(d => d.Id), pii.Result.Errors, AnalyzeTextKind.PiiEntityRecognition);

        (string? language, double confidence) = Combine(detection.Result.Documents, documents);
        var signals = new LanguageSignals(
            language,
            confidence,
            MapBack(entities.Result.Documents.Select(d => (d.Id, d.Entities)), starts),
            keyPhrases.Result.Documents.SelectMany(d => d.KeyPhrases).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            MapBack(pii.Result.Documents.Select(d => (d.Id, d.Entities)), starts));

        var warnings = detection.Result.Warnings.Concat(entities.Result.Warnings)
            .Concat(keyPhrases.Result.Warnings).Concat(pii.Result.Warnings).ToList();
        return new LanguageAnalysis(signals, warnings, documents.Count);
    }

    /// <summary>Partial signals would look like "nothing found", so a failed or missing document fails the analysis.</summary>
    private static void EnsureComplete(
        IReadOnlyList<TextDocument> sent, IEnumerable<string> returned, IReadOnlyList<DocumentError> errors, string kind)
    {
        if (errors.Count > 0)
        {
            DocumentError error = errors[0];
            throw new LanguageServiceException(
                200, error.Code, $"Azure AI Language {kind} failed for document {error.DocumentId}: {error.Message}",
                error.InnerErrorCode, error.DocumentId);
        }

        string? missing = sent.Select(d => d.Id).Except(returned, StringComparer.Ordinal).FirstOrDefault();
        if (missing is not null)
        {
            throw new LanguageServiceException(
                200, LanguageServiceException.Codes.MissingDocumentResult,
                $"Azure AI Language {kind} returned no result for document {missing}.", documentId: missing);
        }
    }

    /// <summary>The language covering most of the text, weighted by confidence; its share of the text is the confidence.</summary>
    private static (string? Language, double Confidence) Combine(
        IReadOnlyList<DetectedLanguageDocument> detected, IReadOnlyList<TextDocument> documents)
    {
        var lengths = documents.ToDictionary(d => d.Id, d => (double)d.Text.Length, StringComparer.Ordinal);
        double total = lengths.Values.Sum();
        (string Language, double Weight) best = detected
            .Where(d => !string.IsNullOrEmpty(d.Iso6391Name) && !d.Iso6391Name.StartsWith('('))  // "(Unknown)"
            .GroupBy(d => d.Iso6391Name!, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Language: g.Key.ToLowerInvariant(), Weight: g.Sum(d => lengths[d.Id] * d.ConfidenceScore)))
            .OrderByDescending(x => x.Weight)
            .FirstOrDefault();
        return best.Language is null || total == 0 ? (null, 0) : (best.Language, Math.Round(best.Weight / total, 4));
    }

    private static List<TextEntity> MapBack(IEnumerable<(string Id, IReadOnlyList<TextEntity> Entities)> documents, Dictionary<string, int> starts) =>
        documents
            .SelectMany(d => d.Entities.Select(e => e with { Offset = starts[d.Id] + e.Offset }))
            .OrderBy(e => e.Offset).ThenBy(e => e.Length)
            .ToList();
}

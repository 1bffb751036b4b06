using System.Text.Json;
using Azure.Core;

namespace OutreachAdvisor.Language.Tests;

/// <summary>The copied example files under Fixtures/ (see Fixtures/README.md).</summary>
internal static class Fixtures
{
    public static JsonElement Load(string relativePath) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath))).RootElement;

    /// <summary><c>responses.200.body</c>, as the service would send it.</summary>
    public static string ResponseBody(string relativePath) =>
        Load(relativePath).GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText();

    /// <summary>The documents of the example request.</summary>
    public static List<TextDocument> RequestDocuments(string relativePath) =>
        Load(relativePath).GetProperty("parameters").GetProperty("body").GetProperty("analysisInput").GetProperty("documents")
            .EnumerateArray()
            .Select(d => new TextDocument(
                d.GetProperty("id").GetString()!,
                d.GetProperty("text").GetString()!,
                d.TryGetProperty("language", out JsonElement language) ? language.GetString() : null))
            .ToList();
}

/// <summary>A TokenCredential that hands out a fixed token and records the scopes it was asked for.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    private int _calls;

    public List<string[]> RequestedScopes { get; } = [];

    public int Calls => _calls;

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        lock (RequestedScopes)
        {
            RequestedScopes.Add(requestContext.Scopes);
        }

        return new AccessToken("fake-entra-token", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

/// <summary>Server plus client, disposed together.</summary>
internal static class Harness
{
    public const string Key = "test-key-123";

    public static readonly HttpClient Http = new();

    public static AzureLanguageClient KeyClient(FakeLanguageServer server, TimeSpan? timeout = null, int maxRetries = 1) =>
        new(Http, new AzureLanguageOptions
        {
            Endpoint = server.Endpoint,
            ApiKey = Key,
            Timeout = timeout ?? TimeSpan.FromSeconds(5),
            MaxRetries = maxRetries,
        });

    public static AzureLanguageService KeyService(FakeLanguageServer server, TimeSpan? timeout = null) =>
        new(KeyClient(server, timeout));

    /// <summary>
    /// Answers every kind from the request itself, so offsets are real: an entity wherever "Contoso" occurs,
    /// a PII phone number wherever "555-0100" occurs, one key phrase per document, Italian everywhere.
    /// </summary>
    public static FakeResponse Echo(RecordedRequest request, int number)
    {
        IReadOnlyList<(string Id, string Text, string? Language)> documents = request.Documents;
        object Result(string kind, IEnumerable<object> docs) => new
        {
            kind = kind + "Results",
            results = new { documents = docs.ToList(), errors = Array.Empty<object>(), modelVersion = "2024-01-01" },
        };

        return FakeResponse.Json(request.Kind switch
        {
            AnalyzeTextKind.LanguageDetection => Result(request.Kind, documents.Select(d => (object)new
            {
                id = d.Id,
                detectedLanguage = new { name = "Italian", iso6391Name = "it", confidenceScore = 0.9 },
                warnings = Array.Empty<object>(),
            })),
            AnalyzeTextKind.EntityRecognition => Result(request.Kind, documents.Select(d => (object)new
            {
                id = d.Id,
                entities = Occurrences(d.Text, "Contoso").Select(o => new
                {
                    text = "Contoso",
                    category = "Organization",
                    offset = o,
                    length = 7,
                    confidenceScore = 0.95,
                }).ToList(),
                warnings = Array.Empty<object>(),
            })),
            AnalyzeTextKind.PiiEntityRecognition => Result(request.Kind, documents.Select(d => (object)new
            {
                id = d.Id,
                redactedText = d.Text.Replace("555-0100", "********", StringComparison.Ordinal),
                entities = Occurrences(d.Text, "555-0100").Select(o => new
                {
                    text = "555-0100",
                    category = "PhoneNumber",
                    offset = o,
                    length = 8,
                    confidenceScore = 0.8,
                }).ToList(),
                warnings = Array.Empty<object>(),
            })),
            AnalyzeTextKind.KeyPhraseExtraction => Result(request.Kind, documents.Select(d => (object)new
            {
                id = d.Id,
                keyPhrases = new[] { "phrase of " + d.Id, "Contoso" },
                warnings = Array.Empty<object>(),
            })),
            _ => throw new InvalidOperationException(request.Kind),
        });
    }

    public static List<int> Occurrences(string text, string word)
    {
        var found = new List<int>();
        for (int i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + 1, StringComparison.Ordinal))
        {
            found.Add(i);
        }

        return found;
    }

    /// <summary>Sentences of about 80 characters; every third names Contoso, every seventh has a phone number.</summary>
    public static string LongText(int length)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; text.Length < length; i++)
        {
            text.Append(i % 3 == 0 ? "We met the Contoso team about the plan. " : "This sentence talks about nothing much. ");
            text.Append(i % 7 == 0 ? "Call me at 555-0100 today. " : "Thanks again for the kind reply. ");
            if (i % 10 == 9)
            {
                text.Append('\n');
            }
        }

        return text.ToString(0, length);
    }
}

using System.Text.Json;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>Reads the documented analyze-text 200 responses, tolerating optional and renamed fields.</summary>
internal static class ResponseParser
{
    internal sealed record Page<T>(
        IReadOnlyList<(string Id, T Document)> Documents,
        IReadOnlyList<DocumentError> Errors,
        IReadOnlyList<DocumentWarning> Warnings,
        string? ModelVersion);

    public static Page<T> Parse<T>(JsonElement root, string kind, Func<JsonElement, T> parseDocument)
    {
        try
        {
            string? resultKind = String(root, "kind");
            if (resultKind is not null && resultKind != kind + "Results")
            {
                throw Invalid($"expected kind '{kind}Results', got '{resultKind}'");
            }

            JsonElement results = Required(root, "results", JsonValueKind.Object);
            var documents = new List<(string, T)>();
            var warnings = new List<DocumentWarning>();
            foreach (JsonElement document in Required(results, "documents", JsonValueKind.Array).EnumerateArray())
            {
                string id = String(document, "id") ?? throw Invalid("a document has no id");
                documents.Add((id, parseDocument(document)));
                warnings.AddRange(Warnings(document, id));
            }

            var errors = new List<DocumentError>();
            if (results.TryGetProperty("errors", out JsonElement errorArray) && errorArray.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement item in errorArray.EnumerateArray())
                {
                    errors.Add(DocumentErrorOf(item));
                }
            }

            return new Page<T>(documents, errors, warnings, String(results, "modelVersion"));
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw Invalid(ex.Message, ex);
        }
    }

    public static DetectedLanguageDocument DetectedLanguage(JsonElement document)
    {
        JsonElement detected = Required(document, "detectedLanguage", JsonValueKind.Object);
        return new DetectedLanguageDocument(
            String(document, "id")!,
            String(detected, "iso6391Name"),
            String(detected, "name"),
            Number(detected, "confidenceScore"),
            // The 2024-11-01 TypeSpec example says script/scriptCode; its swagger says scriptName/scriptIso15924Code.
            String(detected, "scriptName") ?? String(detected, "script"),
            String(detected, "scriptIso15924Code") ?? String(detected, "scriptCode"));
    }

    public static EntitiesDocument Entities(JsonElement document) =>
        new(String(document, "id")!, EntityList(document));

    public static PiiEntitiesDocument PiiEntities(JsonElement document) =>
        new(String(document, "id")!, String(document, "redactedText"), EntityList(document));

    public static KeyPhrasesDocument KeyPhrases(JsonElement document) =>
        new(String(document, "id")!, Required(document, "keyPhrases", JsonValueKind.Array).EnumerateArray()
            .Select(p => p.GetString() ?? "").Where(p => p.Length > 0).ToList());

    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static List<TextEntity> EntityList(JsonElement document) =>
        Required(document, "entities", JsonValueKind.Array).EnumerateArray().Select(Entity).ToList();

    /// <summary>NER 2023-04-01 and later name the subcategory <c>type</c>; older versions and PII say <c>subcategory</c>.</summary>
    private static TextEntity Entity(JsonElement entity) => new(
        String(entity, "text") ?? "",
        String(entity, "category") ?? throw Invalid("an entity has no category"),
        String(entity, "subcategory") ?? String(entity, "type"),
        Integer(entity, "offset"),
        Integer(entity, "length"),
        Number(entity, "confidenceScore"));

    private static List<DocumentWarning> Warnings(JsonElement document, string id)
    {
        if (!document.TryGetProperty("warnings", out JsonElement warnings) || warnings.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return warnings.EnumerateArray()
            .Select(w => new DocumentWarning(id, String(w, "code") ?? "Warning", String(w, "message") ?? ""))
            .ToList();
    }

    private static DocumentError DocumentErrorOf(JsonElement item)
    {
        string id = String(item, "id") ?? "";
        JsonElement error = item.TryGetProperty("error", out JsonElement e) && e.ValueKind == JsonValueKind.Object ? e : default;
        JsonElement inner = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("innererror", out JsonElement i) ? i : default;
        return new DocumentError(
            id,
            String(error, "code") ?? "Unknown",
            String(error, "message") ?? "",
            String(inner, "code"));
    }

    private static JsonElement Required(JsonElement element, string name, JsonValueKind kind)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == kind)
        {
            return value;
        }

        throw Invalid($"'{name}' is missing or not a JSON {kind.ToString().ToLowerInvariant()}");
    }

    private static int Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.TryGetInt32(out int number) && number >= 0
            ? number
            : throw Invalid($"'{name}' is missing or not a non-negative integer");

    private static double Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : 0;

    private static LanguageServiceException Invalid(string detail, Exception? inner = null) =>
        new(200, LanguageServiceException.Codes.InvalidResponse,
            $"Azure AI Language answered with an unexpected response: {detail}.", innerException: inner);
}

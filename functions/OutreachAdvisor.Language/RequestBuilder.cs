using System.Text.Json;

namespace OutreachAdvisor.Language;

/// <summary>Builds analyze-text request bodies and splits documents into requests within the documented limits.</summary>
internal static class RequestBuilder
{
    /// <summary>Offsets in .NET strings are UTF-16 positions; the service's default is text elements.</summary>
    public const string StringIndexType = "Utf16CodeUnit";

    /// <summary>Only entity kinds return offsets, and only their task parameters define <c>stringIndexType</c>.</summary>
    public static bool ReturnsOffsets(string kind) =>
        kind is AnalyzeTextKind.EntityRecognition or AnalyzeTextKind.PiiEntityRecognition;

    public static IReadOnlyList<IReadOnlyList<TextDocument>> Batch(
        string kind, IReadOnlyList<TextDocument> documents, int maxDocuments, int maxBytes)
    {
        var batches = new List<IReadOnlyList<TextDocument>>();
        var current = new List<TextDocument>();
        int bytes = 0;
        foreach (TextDocument document in documents)
        {
            int size = DocumentBytes(kind, document);
            if (current.Count > 0 && (current.Count == maxDocuments || bytes + size > maxBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(document);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    public static byte[] Body(string kind, IReadOnlyList<TextDocument> documents)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("kind", kind);
            json.WriteStartObject("parameters");
            json.WriteString("modelVersion", "latest");
            // Ask the service not to keep the input in its logs (PII recognition already defaults to this).
            json.WriteBoolean("loggingOptOut", true);
            if (ReturnsOffsets(kind))
            {
                json.WriteString("stringIndexType", StringIndexType);
            }

            json.WriteEndObject();
            json.WriteStartObject("analysisInput");
            json.WriteStartArray("documents");
            foreach (TextDocument document in documents)
            {
                WriteDocument(json, kind, document);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static int DocumentBytes(string kind, TextDocument document)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            WriteDocument(json, kind, document);
        }

        return (int)stream.Length + 1;
    }

    private static void WriteDocument(Utf8JsonWriter json, string kind, TextDocument document)
    {
        json.WriteStartObject();
        json.WriteString("id", document.Id);
        json.WriteString("text", document.Text);
        if (kind != AnalyzeTextKind.LanguageDetection && !string.IsNullOrEmpty(document.Language))
        {
            json.WriteString("language", document.Language);
        }

        json.WriteEndObject();
    }
}

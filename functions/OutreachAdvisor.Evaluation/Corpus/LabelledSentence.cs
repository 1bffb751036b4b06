using System.Text.Json;
using OutreachAdvisor.Analysis.Detection;

namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>One sentence of the corpus's sentence set (corpus/LABELLING.md, section 6) and what it does.</summary>
public sealed record LabelledSentence(string Id, string Language, string Text, IReadOnlySet<SentenceLabel> Labels)
{
    /// <summary>Reads one sentence file (a JSON array); a bad entry is a <see cref="CorpusException"/> naming the file and the id.</summary>
    public static IReadOnlyList<LabelledSentence> ReadFile(string path)
    {
        using JsonDocument document = Parse(path);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
            throw new CorpusException($"{path}: expected a JSON array of sentences");
        var sentences = new List<LabelledSentence>();
        foreach (JsonElement element in document.RootElement.EnumerateArray())
        {
            string id = element.TryGetProperty("id", out JsonElement i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : throw new CorpusException($"{path}: a sentence without an id");
            string language = element.TryGetProperty("language", out JsonElement l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : throw new CorpusException($"{path} ({id}): no language");
            string text = element.TryGetProperty("text", out JsonElement t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : throw new CorpusException($"{path} ({id}): no text");
            if (!element.TryGetProperty("labels", out JsonElement labels) || labels.ValueKind != JsonValueKind.Array)
                throw new CorpusException($"{path} ({id}): no labels array");
            var set = new HashSet<SentenceLabel>();
            foreach (JsonElement label in labels.EnumerateArray())
            {
                set.Add(label.GetString() switch
                {
                    "ask" => SentenceLabel.Ask,
                    "offer" => SentenceLabel.Offer,
                    "reference" => SentenceLabel.Reference,
                    "private" => SentenceLabel.Private,
                    string other => throw new CorpusException($"{path} ({id}): unknown sentence label '{other}'"),
                    null => throw new CorpusException($"{path} ({id}): a label must be a string"),
                });
            }
            sentences.Add(new LabelledSentence(id, language, text, set));
        }
        return sentences;
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new CorpusException($"{path}: not valid JSON (line {error.LineNumber + 1})");
        }
    }
}

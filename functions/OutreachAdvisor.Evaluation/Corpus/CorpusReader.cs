using System.Text.Json;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>
/// Reads a folder of labelled message cases (corpus/README.md): every <c>*.json</c> file under it, each
/// holding one case or an array of cases. Anything that cannot be evaluated - no cases, a file that
/// does not parse, a missing field, an unknown rule name, a duplicate id - is a
/// <see cref="CorpusException"/> naming the file. Bounded: at most <see cref="MaxFiles"/> files of at
/// most <see cref="MaxFileBytes"/> each.
/// </summary>
public static class CorpusReader
{
    public const int MaxFiles = 20_000;
    public const long MaxFileBytes = 8 * 1024 * 1024;

    public static async Task<IReadOnlyList<CorpusCase>> ReadFolderAsync(string folder, IReadOnlyCollection<string> ruleNames, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            throw new CorpusException($"{folder}: no such folder");

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden, MatchCasing = MatchCasing.CaseInsensitive };
        string[] files = Directory.EnumerateFiles(folder, "*.json", options).Take(MaxFiles + 1).Order(StringComparer.Ordinal).ToArray();
        if (files.Length > MaxFiles)
            throw new CorpusException($"{folder}: more than {MaxFiles} .json files; evaluate a smaller folder");

        var cases = new List<CorpusCase>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            if (new FileInfo(file).Length > MaxFileBytes)
                throw new CorpusException($"{file}: larger than {MaxFileBytes / (1024 * 1024)} MiB");
            string json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            foreach (CorpusCase read in Parse(json, file, ruleNames))
            {
                if (!ids.TryAdd(read.Id, file))
                    throw new CorpusException($"{file}: case id '{read.Id}' is also in {ids[read.Id]}");
                cases.Add(read);
            }
        }
        if (cases.Count == 0)
            throw new CorpusException($"{folder}: no cases (expected .json files of labelled messages, see corpus/README.md)");
        return cases;
    }

    /// <summary>The cases in one file's text: a case object or an array of them.</summary>
    public static IReadOnlyList<CorpusCase> Parse(string json, string file, IReadOnlyCollection<string> ruleNames)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
        }
        catch (JsonException error)
        {
            throw new CorpusException($"{file}: not valid JSON ({Line(error)})");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [ReadCase(root, file, ruleNames)],
                JsonValueKind.Array => root.EnumerateArray().Select((e, i) => ReadCase(e, $"{file}[{i}]", ruleNames)).ToArray(),
                _ => throw new CorpusException($"{file}: expected a case object or an array of cases"),
            };
        }
    }

    private static CorpusCase ReadCase(JsonElement element, string file, IReadOnlyCollection<string> ruleNames)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new CorpusException($"{file}: a case must be a JSON object");
        string id = RequiredString(element, "id", file);
        string where = $"{file} ({id})";
        string language = RequiredString(element, "language", where);

        if (!element.TryGetProperty("message", out _) && element.TryGetProperty("text", out _))
            throw new CorpusException($"{where}: a labelled sentence, not a message case (evaluate a folder of messages, e.g. corpus/messages/dev)");
        JsonElement messageElement = Required(element, "message", where, JsonValueKind.Object);
        MessageInput message;
        try
        {
            message = AnalysisJson.DeserializeRequest(messageElement.GetRawText())
                ?? throw new CorpusException($"{where}: message is null");
            // Omitted lists and subject read as null from the generated serializer; they mean "none", as in the API.
            message = message with { To = message.To ?? [], Cc = message.Cc ?? [], Bcc = message.Bcc ?? [], Subject = message.Subject ?? string.Empty };
            if (message.Body is null)
                throw new CorpusException($"{where}: message has no body");
        }
        catch (JsonException error)
        {
            throw new CorpusException($"{where}: message is not an analysis request ({Line(error)})");
        }

        return new CorpusCase
        {
            Id = id,
            File = file,
            Language = language,
            Genre = element.TryGetProperty("genre", out JsonElement genre) && genre.ValueKind == JsonValueKind.String ? genre.GetString() : null,
            Message = message,
            OrganizationDomains = ReadOrganizationDomains(element, where),
            Recipients = ReadRecipients(element, message, where),
            Pages = ReadPages(element, message, where),
            Labels = ReadLabels(Required(element, "labels", where, JsonValueKind.Object), ruleNames, where),
            Note = element.TryGetProperty("note", out JsonElement note) && note.ValueKind == JsonValueKind.String ? note.GetString() : null,
            PriorContact = messageElement.TryGetProperty("priorContact", out JsonElement prior) && prior.ValueKind == JsonValueKind.Object
                ? prior.EnumerateObject().Select(p => p.Name.Trim()).ToArray()
                : [],
        };
    }

    private static Dictionary<string, bool> ReadLabels(JsonElement labels, IReadOnlyCollection<string> ruleNames, string where)
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (JsonProperty label in labels.EnumerateObject())
        {
            if (!ruleNames.Contains(label.Name))
                throw new CorpusException($"{where}: unknown rule '{label.Name}' in labels (rules: {string.Join(", ", ruleNames)})");
            if (label.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                throw new CorpusException($"{where}: label '{label.Name}' must be true or false");
            result[label.Name] = label.Value.GetBoolean();
        }
        string[] missing = ruleNames.Where(r => !result.ContainsKey(r)).ToArray();
        if (missing.Length > 0)
            throw new CorpusException($"{where}: no label for {string.Join(", ", missing)} (every rule is labelled true or false)");
        return result;
    }

    private static string[]? ReadOrganizationDomains(JsonElement element, string where)
    {
        JsonElement mailbox = Required(element, "mailbox", where, JsonValueKind.Object);
        if (!mailbox.TryGetProperty("organizationDomains", out JsonElement domains) || domains.ValueKind == JsonValueKind.Null)
            return null;
        if (domains.ValueKind != JsonValueKind.Array || domains.EnumerateArray().Any(d => d.ValueKind != JsonValueKind.String))
            throw new CorpusException($"{where}: mailbox.organizationDomains must be an array of domains");
        return domains.EnumerateArray().Select(d => d.GetString()!).ToArray();
    }

    private static Dictionary<string, CaseRecipient> ReadRecipients(JsonElement element, MessageInput message, string where)
    {
        JsonElement mailbox = element.GetProperty("mailbox");
        var result = new Dictionary<string, CaseRecipient>(StringComparer.OrdinalIgnoreCase);
        if (mailbox.TryGetProperty("recipients", out JsonElement recipients))
        {
            if (recipients.ValueKind != JsonValueKind.Object)
                throw new CorpusException($"{where}: mailbox.recipients must be an object keyed by address");
            foreach (JsonProperty recipient in recipients.EnumerateObject())
            {
                if (recipient.Value.ValueKind != JsonValueKind.Object)
                    throw new CorpusException($"{where}: mailbox.recipients.{recipient.Name} must be an object");
                string history = recipient.Value.TryGetProperty("history", out JsonElement h) && h.ValueKind == JsonValueKind.String ? h.GetString()! : string.Empty;
                RecipientHistoryLabel label = history switch
                {
                    "none" => RecipientHistoryLabel.None,
                    "sent-only" => RecipientHistoryLabel.SentOnly,
                    "two-way" => RecipientHistoryLabel.TwoWay,
                    _ => throw new CorpusException($"{where}: mailbox history of {recipient.Name} must be none, sent-only or two-way"),
                };
                bool contact = recipient.Value.TryGetProperty("contact", out JsonElement c) && c.ValueKind == JsonValueKind.True;
                result[recipient.Name.Trim()] = new CaseRecipient(label, contact);
            }
        }
        foreach (EmailAddress recipient in message.AllRecipients)
        {
            if (!result.ContainsKey(recipient.Address.Trim()))
                throw new CorpusException($"{where}: recipient {recipient.Address} has no entry in mailbox.recipients");
        }
        return result;
    }

    private static Dictionary<string, string> ReadPages(JsonElement element, MessageInput message, string where)
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.TryGetProperty("pages", out JsonElement pagesElement) && pagesElement.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty page in pagesElement.EnumerateObject())
                pages[page.Name] = page.Value.ValueKind == JsonValueKind.String ? page.Value.GetString()! : throw new CorpusException($"{where}: page {page.Name} must be a string");
        }
        foreach (string source in message.FoundAt?.Values ?? [])
        {
            if (!pages.ContainsKey(source))
                throw new CorpusException($"{where}: found-at page {source} is not in pages");
        }
        return pages;
    }

    private static JsonElement Required(JsonElement element, string name, string where, JsonValueKind kind)
    {
        if (!element.TryGetProperty(name, out JsonElement value) || value.ValueKind != kind)
            throw new CorpusException($"{where}: missing or wrong '{name}' (expected a JSON {kind.ToString().ToLowerInvariant()})");
        return value;
    }

    private static string RequiredString(JsonElement element, string name, string where)
    {
        string? value = Required(element, name, where, JsonValueKind.String).GetString();
        return string.IsNullOrWhiteSpace(value) ? throw new CorpusException($"{where}: '{name}' is empty") : value;
    }

    private static string Line(JsonException error) =>
        error.LineNumber is long line ? $"line {line + 1}, position {error.BytePositionInLine + 1}" : "unreadable";
}

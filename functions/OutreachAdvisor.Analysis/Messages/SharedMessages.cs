using System.Collections.Frozen;
using System.Text.Json;

namespace OutreachAdvisor.Analysis.Messages;

/// <summary>The sentences of Messages/shared.json: reasons and check-detail parts that belong to no single rule.</summary>
public static class SharedMessages
{
    public static FrozenDictionary<string, LocalizedText> All { get; } = Load();

    private static FrozenDictionary<string, LocalizedText> Load()
    {
        using Stream stream = typeof(SharedMessages).Assembly.GetManifestResourceStream("OutreachAdvisor.Analysis.Messages.shared.json")
            ?? throw new InvalidOperationException("Missing embedded Messages/shared.json.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object)
            .ToFrozenDictionary(p => p.Name, p => new LocalizedText(p.Value.GetProperty("en").GetString()!, p.Value.GetProperty("it").GetString()!));
    }
}

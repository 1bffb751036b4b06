using System.Globalization;
using System.Text.Json.Nodes;
using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// A reason as JSON for storage, so that it is rendered in each reader's language when read back:
/// <c>{"id":"fetch/refused","args":{"reason":{"id":"ip/private"}}}</c>. Values are strings, numbers
/// or reasons (what the fetcher's and discovery's reasons hold).
/// </summary>
internal static class ReasonCodec
{
    private const int MaxDepth = 8;

    public static string Encode(Reason reason) => ToNode(reason, 0).ToJsonString();

    /// <summary>The stored reason, or null when the text is not one (a damaged or foreign row).</summary>
    public static Reason? Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return null;
        try
        {
            Reason? reason = JsonNode.Parse(json) is JsonObject node ? FromNode(node, 0) : null;
            _ = reason is null ? null : Localizer.Render(reason, "en"); // a row from another version may not fit today's sentence
            return reason;
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    private static JsonObject ToNode(Reason reason, int depth)
    {
        var args = new JsonObject();
        foreach ((string name, object value) in reason.Values)
        {
            args[name] = value switch
            {
                Reason inner when depth < MaxDepth => ToNode(inner, depth + 1),
                int number => number,
                long number => number,
                _ => Convert.ToString(value, CultureInfo.InvariantCulture),
            };
        }

        return new JsonObject { ["id"] = reason.Id, ["args"] = args };
    }

    private static Reason? FromNode(JsonObject node, int depth)
    {
        if (depth > MaxDepth || node["id"]?.GetValue<string>() is not { Length: > 0 } id || !Localizer.SentenceIds.Contains(id))
            return null;
        var values = new List<(string, object)>();
        if (node["args"] is JsonObject args)
        {
            foreach ((string name, JsonNode? value) in args)
            {
                object? decoded = value switch
                {
                    JsonObject inner => FromNode(inner, depth + 1),
                    JsonValue number when number.TryGetValue(out long n) => n,
                    JsonValue text when text.TryGetValue(out string? s) => s,
                    _ => null,
                };
                if (decoded is null)
                    return null;
                values.Add((name, decoded));
            }
        }

        return Reason.With(id, [.. values]);
    }
}

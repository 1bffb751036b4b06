using System.Text.Json.Nodes;

namespace OutreachAdvisor.Infra.Tests.Infrastructure;

/// <summary>A resource of a compiled ARM template, with the (possibly nested) template that declares it.</summary>
internal sealed record ArmResource(JsonObject Resource, JsonObject Template, string Location)
{
    public string Type => Resource["type"]?.GetValue<string>() ?? "";

    public string Name => Resource["name"]?.ToString() ?? "";

    public JsonObject? Properties => Resource["properties"] as JsonObject;

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads compiled ARM JSON, including the templates of nested deployments (Bicep modules).</summary>
internal static class ArmTemplate
{
    public static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException($"{path} is not a JSON object.");

    /// <summary>Every resource in the template and in the inline templates of its nested deployments.</summary>
    public static IReadOnlyList<ArmResource> AllResources(JsonObject template)
    {
        var list = new List<ArmResource>();
        Collect(template, "main", list);
        return list;
    }

    public static IEnumerable<ArmResource> OfType(this IEnumerable<ArmResource> resources, string type) =>
        resources.Where(r => r.IsType(type));

    /// <summary>The inline template of the nested deployment (module) with the given name.</summary>
    public static JsonObject ModuleTemplate(JsonObject template, string deploymentName) =>
        AllResources(template)
            .OfType("Microsoft.Resources/deployments")
            .Where(r => string.Equals(r.Name, deploymentName, StringComparison.Ordinal))
            .Select(r => r.Properties?["template"] as JsonObject)
            .FirstOrDefault(t => t is not null)
            ?? throw new InvalidDataException($"No module named {deploymentName}.");

    /// <summary>True when a node is an ARM expression string "[...]" (not an escaped "[[" literal).</summary>
    public static bool IsExpression(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out string? s)
        && s.StartsWith('[') && !s.StartsWith("[[", StringComparison.Ordinal) && s.EndsWith(']');

    private static IEnumerable<JsonObject> Resources(JsonObject template) =>
        template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

    private static void Collect(JsonObject template, string location, List<ArmResource> list)
    {
        foreach (JsonObject resource in Resources(template))
        {
            var item = new ArmResource(resource, template, location);
            list.Add(item);
            if (item.IsType("Microsoft.Resources/deployments")
                && item.Properties?["template"] is JsonObject nested)
            {
                Collect(nested, $"{location}/{item.Name}", list);
            }
        }
    }
}

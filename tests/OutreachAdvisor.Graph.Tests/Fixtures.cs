using System.Text.Json.Nodes;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>The published Graph examples copied into Fixtures/ (see Fixtures/README.md), read from the test output folder.</summary>
public static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonNode Json(string name) => JsonNode.Parse(Text(name))!;
}

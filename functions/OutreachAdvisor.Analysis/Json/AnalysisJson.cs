using System.Text.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Analysis.Json;

public static class AnalysisJson
{
    private static readonly AnalysisJsonContext Indented = new(new JsonSerializerOptions(AnalysisJsonContext.Default.Options) { WriteIndented = true });

    public static string Serialize(AnalysisResult result, bool indented = true) =>
        JsonSerializer.Serialize(result, indented ? Indented.AnalysisResult : AnalysisJsonContext.Default.AnalysisResult);

    public static string Serialize(RuleCatalogView catalog, bool indented = true) =>
        JsonSerializer.Serialize(catalog, indented ? Indented.RuleCatalogView : AnalysisJsonContext.Default.RuleCatalogView);

    public static AnalysisResult? DeserializeResult(string json) => JsonSerializer.Deserialize(json, AnalysisJsonContext.Default.AnalysisResult);

    public static MessageInput? DeserializeRequest(string json) => JsonSerializer.Deserialize(json, AnalysisJsonContext.Default.MessageInput);
}

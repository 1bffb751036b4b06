using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Analysis.Json;

/// <summary>The contract's JSON (camelCase), source-generated so it is fast and trimming-safe.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, UseStringEnumConverter = true)]
[JsonSerializable(typeof(MessageInput))]
[JsonSerializable(typeof(AnalysisResult))]
[JsonSerializable(typeof(RuleCatalogView))]
public sealed partial class AnalysisJsonContext : JsonSerializerContext;

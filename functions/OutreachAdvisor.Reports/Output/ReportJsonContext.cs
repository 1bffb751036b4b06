using System.Text.Json;
using System.Text.Json.Serialization;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Output;

/// <summary>report.json: camelCase, source-generated (no reflection), dates as yyyy-MM-dd.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(OutreachReport))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

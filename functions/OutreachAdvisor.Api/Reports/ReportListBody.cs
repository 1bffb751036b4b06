using System.Text.Json.Serialization;

namespace OutreachAdvisor.Api.Reports;

public sealed record ReportListBody([property: JsonPropertyName("reports")] IReadOnlyList<ReportStatusBody> Reports);

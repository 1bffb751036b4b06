using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachAdvisor.Api.Reports;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportStatusBody))]
[JsonSerializable(typeof(ReportListBody))]
[JsonSerializable(typeof(ScheduleBody))]
internal sealed partial class ReportsApiJson : JsonSerializerContext;

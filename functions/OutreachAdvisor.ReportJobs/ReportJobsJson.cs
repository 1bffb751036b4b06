using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachAdvisor.ReportJobs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReportJob))]
[JsonSerializable(typeof(ReportSummary))]
[JsonSerializable(typeof(OutreachAdvisor.Reports.Model.OutreachState))]
internal sealed partial class ReportJobsJson : JsonSerializerContext;

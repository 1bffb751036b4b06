using System.Text.Json.Serialization;

namespace OutreachAdvisor.Api.Reports;

public sealed record ScheduleBody([property: JsonPropertyName("weekly")] bool Weekly);

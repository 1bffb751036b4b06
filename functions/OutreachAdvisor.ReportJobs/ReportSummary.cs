using System.Text.Json.Serialization;

namespace OutreachAdvisor.ReportJobs;

/// <summary>The report's headline numbers, kept in the table row for the list view.</summary>
public sealed record ReportSummary(
    [property: JsonPropertyName("sentMessages")] int SentMessages,
    [property: JsonPropertyName("outreachMessages")] int OutreachMessages,
    [property: JsonPropertyName("replied")] int Replied,
    [property: JsonPropertyName("replyRate")] double ReplyRate,
    [property: JsonPropertyName("averageScore")] double? AverageScore);

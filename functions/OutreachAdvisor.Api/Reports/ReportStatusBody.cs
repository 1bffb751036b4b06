using System.Text.Json.Serialization;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>A report's status as the API shows it (202 of POST, GET before it is done, and each item of the list).</summary>
public sealed record ReportStatusBody
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("status")] public required string Status { get; init; }
    [JsonPropertyName("since")] public required string Since { get; init; }
    [JsonPropertyName("includeBodies")] public bool IncludeBodies { get; init; }
    [JsonPropertyName("trigger")] public required string Trigger { get; init; }
    [JsonPropertyName("created")] public DateTimeOffset Created { get; init; }
    [JsonPropertyName("started")] public DateTimeOffset? Started { get; init; }
    [JsonPropertyName("completed")] public DateTimeOffset? Completed { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }
    [JsonPropertyName("summary")] public ReportSummary? Summary { get; init; }
    [JsonPropertyName("location")] public required string Location { get; init; }
    [JsonPropertyName("html")] public string? Html { get; init; }

    public static ReportStatusBody From(ReportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string location = ReportRoutes.Location(record.Id);
        return new ReportStatusBody
        {
            Id = record.Id,
            Status = record.Status,
            Since = record.Since.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IncludeBodies = record.IncludeBodies,
            Trigger = record.Trigger,
            Created = record.Created,
            Started = record.Started,
            Completed = record.Completed,
            Error = record.Error,
            Summary = record.Summary,
            Location = location,
            Html = record.Status == ReportStatus.Done ? location + "/html" : null,
        };
    }
}

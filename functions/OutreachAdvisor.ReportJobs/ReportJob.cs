using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// One report job: the queue message body (JSON, base64-encoded on the queue) and the row's identity.
/// Everything the queue function needs is in here; nothing of the user's token is.
/// </summary>
public sealed record ReportJob
{
    public const string UserTrigger = "user";
    public const string WeeklyTrigger = "weekly";

    [JsonPropertyName("owner")] public required string Owner { get; init; }
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("tenantId")] public required Guid TenantId { get; init; }
    [JsonPropertyName("userId")] public required Guid UserId { get; init; }
    [JsonPropertyName("since")] public required DateOnly Since { get; init; }
    [JsonPropertyName("includeBodies")] public bool IncludeBodies { get; init; }
    [JsonPropertyName("trigger")] public string Trigger { get; init; } = UserTrigger;

    /// <summary>"en" or "it": the language of the report page (the requester's Accept-Language; weekly reports use English).</summary>
    [JsonPropertyName("language")] public string Language { get; init; } = "en";

    public static ReportJob Create(ReportOwner owner, DateOnly since, bool includeBodies, string idempotencyKey, string trigger = UserTrigger)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new ReportJob
        {
            Owner = owner.Key,
            Id = ReportIds.For(owner.Key, since, includeBodies, idempotencyKey),
            TenantId = owner.TenantId,
            UserId = owner.UserId,
            Since = since,
            IncludeBodies = includeBodies,
            Trigger = trigger,
        };
    }

    public string ToJson() => JsonSerializer.Serialize(this, ReportJobsJson.Default.ReportJob);

    /// <summary>
    /// Reads a queue message: the JSON itself, or its base64 (the queue's default encoding, in case the
    /// host hands the raw text over). Null when it is neither or does not name a valid owner and id.
    /// </summary>
    public static ReportJob? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        string json = text.TrimStart().StartsWith('{') ? text : TryBase64(text) ?? "";
        try
        {
            ReportJob? job = JsonSerializer.Deserialize(json, ReportJobsJson.Default.ReportJob);
            return job is not null && ReportIds.IsValid(job.Id) && ReportOwner.TryParse(job.Owner, out ReportOwner? owner)
                && owner!.TenantId == job.TenantId && owner.UserId == job.UserId ? job : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? TryBase64(string text)
    {
        Span<byte> buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text.Trim(), buffer, out int written) ? Encoding.UTF8.GetString(buffer[..written]) : null;
    }
}

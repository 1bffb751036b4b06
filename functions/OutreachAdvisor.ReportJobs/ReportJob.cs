using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OutreachAdvisor.ReportJobs;

/// <summary>The job statuses kept in the table row; transitions: queued -> running -> done | failed.</summary>
public static class ReportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

/// <summary>
/// Whose report: the signed-in user's tenant (<c>tid</c>) and object id (<c>oid</c>), both GUIDs.
/// <see cref="Key"/> is the table partition and the blob folder.
/// </summary>
public sealed record ReportOwner(Guid TenantId, Guid UserId)
{
    /// <summary><c>{tid}.{oid}</c>, lower-case: valid as a PartitionKey and a blob path segment.</summary>
    public string Key => $"{TenantId:D}.{UserId:D}";

    public static bool TryParse(string? key, out ReportOwner? owner)
    {
        owner = null;
        string[] parts = (key ?? "").Split('.');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "D", out Guid tenant) || !Guid.TryParseExact(parts[1], "D", out Guid user))
            return false;
        owner = new ReportOwner(tenant, user);
        return true;
    }
}

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

/// <summary>
/// Report ids are derived, not random: the same owner, period, options and idempotency key (the
/// client's <c>Idempotency-Key</c>, the request id, or the ISO week for scheduled reports) always give
/// the same id, so a retried request or a duplicate job lands on the same row and blobs.
/// </summary>
public static class ReportIds
{
    public static string For(string ownerKey, DateOnly since, bool includeBodies, string idempotencyKey)
    {
        string material = string.Join('\n', "report-v1", ownerKey, since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            includeBodies ? "bodies" : "no-bodies", idempotencyKey);
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>32 lower-case hex digits: anything else is not one of ours (and never reaches storage).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: 32 } && id.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}

/// <summary>The report's headline numbers, kept in the table row for the list view.</summary>
public sealed record ReportSummary(
    [property: JsonPropertyName("sentMessages")] int SentMessages,
    [property: JsonPropertyName("outreachMessages")] int OutreachMessages,
    [property: JsonPropertyName("replied")] int Replied,
    [property: JsonPropertyName("replyRate")] double ReplyRate,
    [property: JsonPropertyName("averageScore")] double? AverageScore);

/// <summary>
/// What a builder returns: the report JSON (contract section 5), its HTML page, the summary, and the state
/// to hand the owner's next report (null: keep what is stored).
/// </summary>
public sealed record BuiltReport(string Json, string Html, ReportSummary Summary)
{
    public OutreachAdvisor.Reports.Model.OutreachState? NextState { get; init; }
}

/// <summary>
/// Makes the report from the owner's mail. The production implementation wraps the report engine of
/// OutreachAdvisor.Reports. Throw <see cref="TransientReportException"/> for a failure worth retrying;
/// any other exception fails the job.
/// </summary>
public interface IReportBuilder
{
    /// <param name="previous">The state the owner's last report handed on (open outreach, who wrote); null for none.</param>
    Task<BuiltReport> BuildAsync(ReportJob job, OutreachAdvisor.Reports.IReportMailSource source, OutreachAdvisor.Reports.Model.OutreachState? previous, CancellationToken cancellationToken);
}

/// <summary>A failure worth retrying (the queue delivers the job again); any other exception fails the job at once.</summary>
public sealed class TransientReportException : Exception
{
    public TransientReportException()
    {
    }

    public TransientReportException(string message) : base(message)
    {
    }

    public TransientReportException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReportJob))]
[JsonSerializable(typeof(ReportSummary))]
[JsonSerializable(typeof(OutreachAdvisor.Reports.Model.OutreachState))]
internal sealed partial class ReportJobsJson : JsonSerializerContext;

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OutreachAdvisor.ReportJobs;

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

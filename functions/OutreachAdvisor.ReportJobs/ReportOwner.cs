
namespace OutreachAdvisor.ReportJobs;

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

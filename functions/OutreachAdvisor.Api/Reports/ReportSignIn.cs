using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Identity;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// Who is asking: the Entra bearer token checked by <see cref="EntraTokenValidator"/>, then its
/// <c>tid</c> and <c>oid</c> claims, which make the report owner. Reports never work without sign-in
/// (an unconfigured validator refuses every token).
/// </summary>
public sealed class ReportSignIn(EntraTokenValidator validator) : IReportSignIn
{
    private const string TenantClaim = "tid";
    private const string ObjectIdClaim = "oid";
    // The same claims under the names ASP.NET Core's inbound claim mapping gives them.
    private const string MappedTenantClaim = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string MappedObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <exception cref="UnauthorizedException">No valid token, or one without tenant and object ids.</exception>
    public async Task<ReportOwner> AuthenticateAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        TokenValidationOutcome token = await validator.ValidateAsync(context.Request.Headers.Authorization.ToString(), cancellationToken).ConfigureAwait(false);
        if (!token.IsValid)
            throw new UnauthorizedException(token.Failure ?? "sign-in required");
        context.User = token.User!;
        return OwnerOf(token.User!) ?? throw new UnauthorizedException("the token names no tenant (tid) and user (oid)");
    }

    public static ReportOwner? OwnerOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        string? tid = user.FindFirst(TenantClaim)?.Value ?? user.FindFirst(MappedTenantClaim)?.Value;
        string? oid = user.FindFirst(ObjectIdClaim)?.Value ?? user.FindFirst(MappedObjectIdClaim)?.Value;
        return Guid.TryParse(tid, out Guid tenant) && Guid.TryParse(oid, out Guid userId) && tenant != Guid.Empty && userId != Guid.Empty
            ? new ReportOwner(tenant, userId)
            : null;
    }
}

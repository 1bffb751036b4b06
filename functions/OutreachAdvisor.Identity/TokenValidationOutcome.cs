using System.Security.Claims;

namespace OutreachAdvisor.Identity;

/// <summary>
/// The result of checking a bearer token. On success <see cref="User"/> is the caller and <see cref="Token"/>
/// the raw access token (the user assertion for the on-behalf-of flow). On failure both are null and
/// <see cref="Failure"/> is a short reason that is safe to log or return; it never contains the token.
/// </summary>
public sealed record TokenValidationOutcome(bool IsValid, ClaimsPrincipal? User, string? Token, string? Failure)
{
    internal static TokenValidationOutcome Fail(string failure) => new(false, null, null, failure);
}

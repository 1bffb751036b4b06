namespace OutreachAdvisor.Identity;

/// <summary>The fixed, safe failure texts of <see cref="EntraTokenValidator"/>. Tests and the API layer may compare against them.</summary>
public static class Failures
{
    public const string NoBearerToken = "no bearer token";
    public const string NotConfigured = "sign-in is not configured on the server";
    public const string MetadataUnavailable = "the sign-in metadata could not be read";
    public const string Malformed = "the token is malformed";
    public const string Expired = "the token has expired";
    public const string NotYetValid = "the token is not yet valid";
    public const string Lifetime = "the token's lifetime is not valid";
    public const string WrongAudience = "the token is for another audience";
    public const string WrongIssuer = "the token was issued by another tenant or authority";
    public const string BadSignature = "the token's signature is not valid";
    public const string Invalid = "the token is not valid";
    public const string MultiTenantAuthority = "sign-in is misconfigured on the server: AzureAd:TenantId must be the tenant's id, not common, organizations or consumers";

    public static string MissingScope(string scope) => $"the token lacks the {scope} scope";
}

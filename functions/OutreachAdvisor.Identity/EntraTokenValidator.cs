using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace OutreachAdvisor.Identity;

/// <summary>
/// Checks the add-in's bearer token (an Entra ID v2.0 access token for <c>api://.../access_as_user</c>):
/// signature against the tenant's published keys, issuer, audience, lifetime, RS256-family algorithm,
/// then the delegated scope. One instance per process: it caches the OpenID metadata and signing keys.
/// </summary>
/// <remarks>
/// Built on the IdentityModel libraries that Microsoft.Identity.Web uses, because the Functions isolated
/// worker has no ASP.NET Core authentication middleware by default and <c>outreach serve</c> shares this code.
/// </remarks>
public sealed class EntraTokenValidator
{
    private const string BearerPrefix = "Bearer ";
    private const string ScopeClaim = "scp";

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly EntraOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public EntraTokenValidator(EntraOptions options, HttpClient? metadataClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (!options.IsConfigured || options.IsMultiTenantAlias)
            return; // fail closed: every request gets Failures.NotConfigured (or MultiTenantAuthority)

        HttpDocumentRetriever retriever = metadataClient is null ? new HttpDocumentRetriever() : new HttpDocumentRetriever(metadataClient);
        retriever.RequireHttps = !options.AllowHttpMetadata;
        // The library caches the document and the JWKS, refreshes them periodically, and refreshes on demand
        // when a token names a key it does not know (key rollover).
        _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.ResolvedMetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever);
    }

    /// <param name="authorizationHeader">The raw <c>Authorization</c> header value, e.g. <c>Bearer eyJ...</c>.</param>
    /// <returns>Never throws for a bad or missing token; only <see cref="OperationCanceledException"/> on cancellation.</returns>
    public async Task<TokenValidationOutcome> ValidateAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        string? token = ReadBearerToken(authorizationHeader);
        if (token is null)
            return TokenValidationOutcome.Fail(Failures.NoBearerToken);
        if (_metadata is null)
            return TokenValidationOutcome.Fail(_options.IsMultiTenantAlias ? Failures.MultiTenantAuthority : Failures.NotConfigured);

        // Read the metadata first so that an unreachable or refused document is reported as such (and so that
        // cancellation is honoured); the handler below then gets the cached copy from the same manager.
        try
        {
            await _metadata.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to read the metadata is reported, not thrown.
        catch (Exception)
#pragma warning restore CA1031
        {
            cancellationToken.ThrowIfCancellationRequested();
            return TokenValidationOutcome.Fail(Failures.MetadataUnavailable);
        }

        // This version of the handler takes no cancellation token; with the metadata cached it does no I/O
        // unless the token names an unknown signing key.
        TokenValidationResult result = await _handler.ValidateTokenAsync(token, CreateParameters()).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        if (!result.IsValid)
            return TokenValidationOutcome.Fail(Describe(result.Exception));

        if (!HasScope(result.ClaimsIdentity, _options.RequiredScope))
            return TokenValidationOutcome.Fail(Failures.MissingScope(_options.RequiredScope));

        return new TokenValidationOutcome(true, new ClaimsPrincipal(result.ClaimsIdentity), token, null);
    }

    private TokenValidationParameters CreateParameters() => new()
    {
        // Issuer and signing keys come from the metadata (ValidIssuer and IssuerSigningKeys stay unset);
        // the handler also retries once with refreshed metadata when the signing key is unknown.
        ConfigurationManager = _metadata,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidAudiences = new[] { _options.ClientId, _options.Audience }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!).ToArray(),
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = _options.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,
        NameClaimType = "name",
        RoleClaimType = "roles",
        AuthenticationType = "Bearer",
    };

    internal static string? ReadBearerToken(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
            return null;
        string value = header.Trim();
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return null;
        string token = value[BearerPrefix.Length..].Trim();
        return token.Length == 0 || token.Contains(' ', StringComparison.Ordinal) ? null : token;
    }

    private static bool HasScope(ClaimsIdentity identity, string requiredScope) =>
        identity.FindAll(ScopeClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(requiredScope, StringComparer.Ordinal);

    /// <summary>Maps the library's exception to a fixed text; the exception's own message may quote the token and is never used.</summary>
    private static string Describe(Exception? error) => error switch
    {
        SecurityTokenExpiredException => Failures.Expired,
        SecurityTokenNotYetValidException => Failures.NotYetValid,
        SecurityTokenNoExpirationException or SecurityTokenInvalidLifetimeException => Failures.Lifetime,
        SecurityTokenInvalidAudienceException => Failures.WrongAudience,
        SecurityTokenInvalidIssuerException => Failures.WrongIssuer,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException
            or SecurityTokenInvalidAlgorithmException or SecurityTokenInvalidSigningKeyException => Failures.BadSignature,
        SecurityTokenMalformedException or ArgumentException => Failures.Malformed,
        _ => Failures.Invalid,
    };
}

using Azure.Core;
using Azure.Identity;

namespace OutreachAdvisor.Identity;

/// <summary>
/// Makes the credential the API uses to call Microsoft Graph as the signed-in user (OAuth 2.0 on-behalf-of).
/// The app registration proves itself with a federated credential — a token from the user-assigned managed
/// identity for <c>api://AzureADTokenExchange</c> — or, failing that, with a client secret.
/// One factory per process; one credential per request (it holds that user's token).
/// </summary>
public sealed class OnBehalfOfCredentialFactory
{
    /// <summary>The audience Entra ID expects on a managed-identity token used as a federated credential (public cloud).</summary>
    internal const string TokenExchangeScope = "api://AzureADTokenExchange/.default";

    private readonly EntraOptions _options;
    private readonly TokenCredential? _managedIdentity;

    public OnBehalfOfCredentialFactory(EntraOptions options)
        : this(options, managedIdentity: null)
    {
    }

    /// <summary>For tests: <paramref name="managedIdentity"/> stands in for the managed identity.</summary>
    internal OnBehalfOfCredentialFactory(EntraOptions options, TokenCredential? managedIdentity)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            // Created once: the managed-identity credential caches its token across requests.
            _managedIdentity = managedIdentity ?? new ManagedIdentityCredential(
                ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        }
    }

    internal ClientCredentialKind Kind =>
        _managedIdentity is not null ? ClientCredentialKind.FederatedManagedIdentity
        : !string.IsNullOrWhiteSpace(_options.ClientSecret) ? ClientCredentialKind.ClientSecret
        : ClientCredentialKind.None;

    /// <param name="userAccessToken">The validated access token the add-in sent (<see cref="TokenValidationOutcome.Token"/>).</param>
    /// <exception cref="InvalidOperationException">Tenant or client id, or both the managed identity and the secret, are not configured.</exception>
    public TokenCredential ForUser(string userAccessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAccessToken);
        if (!_options.IsConfigured)
        {
            throw new InvalidOperationException(
                "Calling Microsoft Graph on behalf of the user needs AzureAd:TenantId and AzureAd:ClientId.");
        }

        var credentialOptions = new OnBehalfOfCredentialOptions { AuthorityHost = new Uri(_options.Instance) };
        return Kind switch
        {
            ClientCredentialKind.FederatedManagedIdentity => new OnBehalfOfCredential(
                _options.TenantId, _options.ClientId, GetClientAssertionAsync, userAccessToken, credentialOptions),
            ClientCredentialKind.ClientSecret => new OnBehalfOfCredential(
                _options.TenantId, _options.ClientId, _options.ClientSecret, userAccessToken, credentialOptions),
            _ => throw new InvalidOperationException(
                "Calling Microsoft Graph on behalf of the user needs a client credential: set AzureAd:ManagedIdentityClientId " +
                "(a user-assigned managed identity that is a federated credential of the app registration) or AzureAd:ClientSecret."),
        };
    }

    /// <summary>The client assertion: a managed-identity token for the token-exchange audience.</summary>
    internal async Task<string> GetClientAssertionAsync(CancellationToken cancellationToken)
    {
        if (_managedIdentity is null)
            throw new InvalidOperationException("No managed identity is configured (AzureAd:ManagedIdentityClientId).");
        AccessToken token = await _managedIdentity
            .GetTokenAsync(new TokenRequestContext([TokenExchangeScope]), cancellationToken)
            .ConfigureAwait(false);
        return token.Token;
    }
}

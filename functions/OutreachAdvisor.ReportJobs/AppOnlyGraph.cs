using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using OutreachAdvisor.Identity;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// The app-only Graph client of the queue function: the API's app registration with an application
/// permission (Mail.Read, limited to opted-in mailboxes by Exchange RBAC for Applications), proving itself
/// with the managed identity as a federated credential (or a client secret). Tokens are for the
/// registration's home tenant only: a multi-tenant deployment needs one client per tenant (job.TenantId).
/// </summary>
public static class AppOnlyGraph
{
    public static readonly string[] Scopes = ["https://graph.microsoft.com/.default"];

    public static TokenCredential Credential(EntraOptions options, Guid tenantId)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.IsConfigured)
            throw new InvalidOperationException("Reading mail for report jobs needs AzureAd:TenantId and AzureAd:ClientId.");
        var credentialOptions = new ClientAssertionCredentialOptions { AuthorityHost = new Uri(options.Instance) };
        string tenant = tenantId == Guid.Empty ? options.TenantId! : tenantId.ToString("D");
        if (!string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            var managedIdentity = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            return new ClientAssertionCredential(tenant, options.ClientId, async cancellationToken =>
            {
                AccessToken token = await managedIdentity.GetTokenAsync(new TokenRequestContext(["api://AzureADTokenExchange/.default"]), cancellationToken).ConfigureAwait(false);
                return token.Token;
            }, credentialOptions);
        }
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
            return new ClientSecretCredential(tenant, options.ClientId, options.ClientSecret, new ClientSecretCredentialOptions { AuthorityHost = new Uri(options.Instance) });
        throw new InvalidOperationException("Reading mail for report jobs needs a client credential: AzureAd:ManagedIdentityClientId or AzureAd:ClientSecret.");
    }

    /// <param name="baseUrl">Null for Graph itself; a local fake's URL in tests.</param>
    public static GraphServiceClient Client(TokenCredential credential, HttpClient http, string? baseUrl = null) => baseUrl is { Length: > 0 }
        ? new GraphServiceClient(http, new AzureIdentityAuthenticationProvider(credential, allowedHosts: [new Uri(baseUrl).Host], scopes: Scopes), baseUrl)
        : new GraphServiceClient(http, new AzureIdentityAuthenticationProvider(credential, scopes: Scopes));
}

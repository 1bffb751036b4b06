using Azure.Core;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using OutreachAdvisor.Graph.SentItems;
using OutreachAdvisor.Identity;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.ReportJobs;

/// <summary>The mail a job reads, and what to do once its report is safely stored (e.g. keep Graph's new delta links).</summary>
public sealed record ReportMailSession(IReportMailSource Source, Func<CancellationToken, Task>? Commit = null);

/// <summary>Opens the mail source for a job. Injected, so tests (and other hosts) choose where mail comes from.</summary>
public interface IReportMailSourceFactory
{
    ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken);
}

/// <summary>
/// The owner's Graph mailbox, read app-only (<c>/users/{oid}</c>): the job runs long after the user's
/// request, with no user token (see docs/reports-azure.md). Incremental through <see cref="IDeltaLinkStore"/>.
/// </summary>
public sealed class GraphReportMailSourceFactory(Func<ReportJob, GraphServiceClient> clientFor, IDeltaLinkStore? deltaLinks, GraphReportSourceOptions? options = null)
    : IReportMailSourceFactory
{
    public ValueTask<ReportMailSession> OpenAsync(ReportJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        GraphReportSourceOptions read = (options ?? new GraphReportSourceOptions()) with { UserId = job.UserId.ToString("D") };
        var source = new GraphReportMailSource(clientFor(job), job.Owner, read, deltaLinks);
        return ValueTask.FromResult(new ReportMailSession(source, source.CommitAsync));
    }
}

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

using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OutreachAdvisor.Graph.SentItems;
using OutreachAdvisor.Identity;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// Registers report jobs from configuration. Storage, in this order: <c>Storage:ConnectionString</c> (or a
/// plain <c>Storage</c> value) - Azurite's <c>UseDevelopmentStorage=true</c> locally; <c>Storage:AccountName</c>
/// with the managed identity (<c>Storage:clientId</c>), as infra sets it; <c>AzureWebJobsStorage</c> when it is
/// a connection string. With none, nothing is registered and the report routes answer 501.
/// </summary>
public static class ReportsSetup
{
    public static IServiceCollection AddOutreachReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ReportStorage? storage = StorageFrom(configuration);
        if (storage is null)
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(storage);
        services.AddSingleton<ReportStore>();
        services.AddSingleton<IReportStore>(sp => sp.GetRequiredService<ReportStore>());
        services.AddSingleton<IReportJobSender>(new StorageQueueJobSender(storage.Queue));
        services.AddSingleton<IOutreachStateStore>(new BlobOutreachStateStore(storage.Blobs));
        services.AddSingleton(sp => new ReportJobService(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<IReportJobSender>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReportSignIn>(sp =>
        {
            HttpClient http = sp.GetService<IHttpClientFactory>()?.CreateClient("outreach") ?? new HttpClient();
            return new ReportSignIn(new EntraTokenValidator(EntraOptions.FromSettings(key => configuration[key]), http));
        });
        services.AddSingleton(sp => new ReportHandlers(sp.GetRequiredService<IReportSignIn>(), sp.GetRequiredService<ReportJobService>(), sp.GetRequiredService<TimeProvider>()));

        // Mail for the queue function: the owner's mailbox, app-only (docs/reports-azure.md), incremental.
        services.TryAddSingleton<IDeltaLinkStore>(new TableDeltaLinkStore(storage.DeltaLinks));
        services.TryAddSingleton<IReportMailSourceFactory>(sp =>
        {
            HttpClient http = sp.GetService<IHttpClientFactory>()?.CreateClient("outreach-graph") ?? new HttpClient();
            var entra = EntraOptions.FromSettings(key => configuration[key]);
            string? graphBaseUrl = configuration["Graph:BaseUrl"];
            var options = new GraphReportSourceOptions { ReadSentBodies = configuration.GetValue("Reports:ReadSentBodies", true) };
            return new GraphReportMailSourceFactory(
                job => AppOnlyGraph.Client(AppOnlyGraph.Credential(entra, job.TenantId), http, graphBaseUrl),
                sp.GetRequiredService<IDeltaLinkStore>(), options);
        });
        // The report engine's builder is registered by whoever wires it (register it before or after this call).
        services.TryAddSingleton<IReportBuilder, EngineReportBuilder>();
        services.AddSingleton(sp => new ReportJobRunner(
            sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<IReportMailSourceFactory>(), sp.GetRequiredService<IReportBuilder>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ReportJobRunner>>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOutreachStateStore>()));
        return services;
    }

    public static ReportStorage? StorageFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if ((NonEmpty(configuration["Storage:ConnectionString"]) ?? NonEmpty(configuration["Storage"])) is { } connectionString)
            return ReportStorage.FromConnectionString(connectionString);
        if (NonEmpty(configuration["Storage:AccountName"]) is { } account)
        {
            string? clientId = NonEmpty(configuration["Storage:clientId"]) ?? NonEmpty(configuration["AZURE_CLIENT_ID"]);
            ManagedIdentityCredential credential = clientId is null
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
            return ReportStorage.FromAccount(account, credential);
        }
        // Local runs: the host's own storage connection string (Azurite), when it is one.
        if (NonEmpty(configuration["AzureWebJobsStorage"]) is { } host && host.Contains('=', StringComparison.Ordinal))
            return ReportStorage.FromConnectionString(host);
        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OutreachAdvisor.ReportJobs;

namespace OutreachAdvisor.Api.Reports;

/// <summary>
/// Reports in <c>outreach serve --mailbox</c>: the report routes answer from the local mailbox, with the same
/// handlers, job rows and runner as in Azure, but an in-process store (<see cref="InMemoryReportStore"/>), an
/// in-process queue and worker (<see cref="InProcessReportJobs"/>) and the server's own sign-in
/// (<see cref="LocalReportSignIn"/>). So the add-in's Reports tab works offline. Each report reads the whole
/// mailbox (no carried-over state); there are no weekly reports.
/// </summary>
public static class LocalReports
{
    /// <summary>
    /// Registers local reports when the analysis reads a local mailbox and no Azure storage is configured
    /// (<see cref="ReportsSetup.StorageFrom"/>): with storage, reports stay the deployed service's and
    /// <c>outreach serve</c> answers them as before (501, no queue function here).
    /// </summary>
    public static IServiceCollection AddTo(IServiceCollection services, IAnalysisSources sources, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(configuration);
        if (sources.MailboxName != "local-files" || ReportsSetup.StorageFrom(configuration) is not null)
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IReportStore, InMemoryReportStore>();
        services.AddSingleton<LocalReportMailSources>();
        services.AddSingleton(sp => new InProcessReportJobs(sp.GetRequiredService<ReportJobRunner>, sp.GetService<ILogger<InProcessReportJobs>>()));
        services.AddSingleton<IReportJobSender>(sp => sp.GetRequiredService<InProcessReportJobs>());
        services.AddHostedService(sp => sp.GetRequiredService<InProcessReportJobs>());
        services.AddSingleton(sp => new ReportJobService(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<IReportJobSender>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReportSignIn>(sp => new LocalReportSignIn(sources, sp.GetRequiredService<LocalReportMailSources>()));
        services.AddSingleton(sp => new ReportHandlers(sp.GetRequiredService<IReportSignIn>(), sp.GetRequiredService<ReportJobService>(), sp.GetRequiredService<TimeProvider>())
        {
            WeeklyAvailable = false,
        });
        services.AddSingleton(sp => new ReportJobRunner(
            sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<LocalReportMailSources>(), new EngineReportBuilder(),
            sp.GetService<ILogger<ReportJobRunner>>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}

using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Api;
using OutreachAdvisor.FoundAt;
using OutreachAdvisor.FoundAt.Discovery;
using OutreachAdvisor.Mailbox;
using OutreachAdvisor.Telemetry;

namespace OutreachAdvisor.Cli.Commands;

/// <summary>
/// <c>outreach serve</c>: the HTTP API of contract section 4 and the add-in's built pages, on 127.0.0.1
/// only. This is how the add-in runs and is tested locally (there are no Functions Core Tools here).
/// </summary>
public static class ServeCommand
{
    public const int DefaultPort = 7071;

    public static Command Create(CliStreams streams)
    {
        var port = new Option<string>("--port") { Description = $"Port on 127.0.0.1 (0 picks a free one; default {DefaultPort})", HelpName = "N" };
        Option<string[]> mailbox = CommonOptions.Mailbox("A folder of .eml/.mbox/.vcf files standing in for the signed-in user's mailbox; repeatable");
        var addinDir = new Option<string>("--addin-dir") { Description = "The built add-in pages to serve (default: addin/dist of this checkout)", HelpName = "DIR" };
        var allowOrigin = new Option<string>("--allow-origin") { Description = "The one origin CORS allows (default: the Cors__AllowedOrigin setting)", HelpName = "ORIGIN" };
        var command = new Command("serve", "Runs the HTTP API (POST /api/analyze, GET /api/rules, GET /api/health) and the add-in's pages on 127.0.0.1.")
        {
            port, mailbox, addinDir, allowOrigin,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            ParsePort(parsed.GetValue(port)), parsed.GetValue(mailbox) ?? [], parsed.GetValue(addinDir), parsed.GetValue(allowOrigin), streams.Stdout, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(int port, IReadOnlyList<string> mailboxPaths, string? addinDir, string? allowedOrigin, TextWriter stdout, CancellationToken cancellationToken)
    {
        // The same setting as the Functions app (where the platform's CORS enforces it) when no flag is given.
        allowedOrigin ??= Environment.GetEnvironmentVariable("Cors__AllowedOrigin");

        // A long-running server wants compiled phrase patterns (the command line's default is interpreted).
        AppContext.SetSwitch(OutreachAdvisor.Analysis.Text.Lexicon.InterpretPatternsSwitch, false);
        addinDir ??= AddinPages.Find(Environment.CurrentDirectory, AppContext.BaseDirectory);
        if (addinDir is not null && !Directory.Exists(addinDir))
            throw new UsageException($"--addin-dir {addinDir} does not exist (build the add-in with: npm --prefix addin run build)");

        IAnalysisSources sources = await SourcesAsync(mailboxPaths, cancellationToken).ConfigureAwait(false);
        if (sources is ConfiguredAnalysisSources configured)
        {
            foreach (string warning in configured.Warnings)
                await stdout.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
        }
        WebApplication app = Build(port, sources, addinDir, allowedOrigin);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException error)
        {
            // A bad setting (RateLimits:AnalyzePerMinute=lots): exit 2 with the line that names it.
            throw new UsageException(error.Failures.FirstOrDefault() ?? error.Message);
        }
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await stdout.WriteLineAsync($"Listening on {address}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  mailbox: {sources.MailboxName}; language: {sources.LanguageName}; add-in pages: {addinDir ?? "not built"}; press Ctrl+C to stop").ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return OutreachCli.Clean;
    }

    /// <summary>
    /// Local providers by default (the --mailbox folders, the built-in analyzer, no sign-in); the same
    /// settings as the Functions app (environment variables such as Language__Endpoint, AzureAd__TenantId,
    /// Mailbox__Provider) switch on Azure AI Language, sign-in and Graph.
    /// </summary>
    private static async Task<IAnalysisSources> SourcesAsync(IReadOnlyList<string> mailboxPaths, CancellationToken cancellationToken)
    {
        IConfiguration settings = new ConfigurationBuilder().AddEnvironmentVariables().Build();
        // Discovery (docs/found-at.md): off unless Discovery__Enabled=true; verdicts cached in memory.
        IAddressDiscovery? discovery = DiscoverySetup.FromSettings(key => settings[key], byDefault: false);
        if (ConfiguredAnalysisSources.IsConfigured(settings))
        {
            if (mailboxPaths.Count > 0 && string.IsNullOrWhiteSpace(settings["Mailbox:Provider"]))
                settings = new ConfigurationBuilder().AddConfiguration(settings).AddInMemoryCollection([new("Mailbox:Provider", "local"), new("Mailbox:Path", mailboxPaths[0])]).Build();
            return ConfiguredAnalysisSources.Create(settings, discovery: discovery);
        }

        return new FixedAnalysisSources(new ContextSources
        {
            Mailbox = mailboxPaths.Count == 0 ? null : await LocalMailbox.OpenAsync(mailboxPaths, cancellationToken).ConfigureAwait(false),
            // Requests come over HTTP: never let them name files on this machine.
            FoundAt = new FoundAtChecker(allowLocalFiles: false),
            Discovery = discovery,
        });
    }

    /// <param name="settings">Extra configuration (tests): RateLimits:*, Http:AllowedHosts and the like; environment variables are read too.</param>
    /// <param name="configureServices">Extra services (tests add OpenTelemetry's in-memory exporters here).</param>
    public static WebApplication Build(int port, IAnalysisSources sources, string? addinDir, string? allowedOrigin,
        IEnumerable<KeyValuePair<string, string?>>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // Kestrel's own cap sits above the API's: the handler counts the decoded body (not chunk framing)
        // and answers an oversized one with problem+json instead of Kestrel's bare 413.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.ServerRequestBytes);
        builder.Services.AddOutreachApi(sources);
        OutreachAdvisor.Api.Reports.LocalReports.AddTo(builder.Services, sources, builder.Configuration);
        if (allowedOrigin is not null)
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(allowedOrigin).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization", "Accept-Language")));
        // OpenTelemetry when APPLICATIONINSIGHTS_CONNECTION_STRING is set (or a test asks for it): docs/operations.md.
        string? connectionString = builder.Configuration[TelemetrySetup.ConnectionStringSetting];
        // Server spans for each request (route and status only): the parent the analysis spans hang from.
        builder.Services.AddOutreachTelemetry(connectionString, alwaysOn: configureServices is not null)
            ?.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(options => options.RecordException = false));
        configureServices?.Invoke(builder.Services);

        WebApplication app = builder.Build();
        // Loopback names only (a DNS-rebinding page must not reach the local mailbox); Http:AllowedHosts adds names.
        var hosts = HostFilter.Loopback(app.Configuration[HostFilter.Setting]?.Split(';'));
        app.Use(async (context, next) =>
        {
            if (await hosts.CheckAsync(context).ConfigureAwait(false))
                await ResponseSizeLimit.RunAsync(context, () => next(context)).ConfigureAwait(false);
        });
        if (allowedOrigin is not null)
            app.UseCors();
        AddinPages.Map(app, addinDir);
        app.MapOutreachApi();
        return app;
    }

    private static int ParsePort(string? text) =>
        text is null ? DefaultPort
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port <= 65535 ? port
        : throw new UsageException($"--port must be a number from 0 to 65535, not '{text}'");
}

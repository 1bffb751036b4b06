using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Api;
using OutreachAdvisor.FoundAt;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Cli.Commands;

/// <summary>
/// <c>outreach serve</c>: the HTTP API of contract section 4 and the add-in's built pages, on 127.0.0.1
/// only. This is how the add-in runs and is tested locally (there are no Functions Core Tools here).
/// </summary>
public static class ServeCommand
{
    public const int DefaultPort = 7071;

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, CancellationToken cancellationToken)
    {
        string portText = arguments.Value("--port") ?? DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!int.TryParse(portText, out int port) || port is < 0 or > 65535)
            throw new UsageException($"--port must be a number from 0 to 65535, not '{portText}'");
        IReadOnlyList<string> mailboxPaths = arguments.Values("--mailbox");
        string? addinDir = arguments.Value("--addin-dir");
        // The same setting as the Functions app (where the platform's CORS enforces it) when no flag is given.
        string? allowedOrigin = arguments.Value("--allow-origin") ?? Environment.GetEnvironmentVariable("Cors__AllowedOrigin");
        arguments.EnsureNothingLeft();

        // A long-running server wants compiled phrase patterns (the command line's default is interpreted).
        AppContext.SetSwitch(OutreachAdvisor.Analysis.Text.Lexicon.InterpretPatternsSwitch, false);
        addinDir ??= AddinPages.Find(Environment.CurrentDirectory, AppContext.BaseDirectory);
        if (addinDir is not null && !Directory.Exists(addinDir))
            throw new UsageException($"--addin-dir {addinDir} does not exist (build the add-in with: npm --prefix addin run build)");

        IAnalysisSources sources = await SourcesAsync(mailboxPaths, cancellationToken).ConfigureAwait(false);
        WebApplication app = Build(port, sources, addinDir, allowedOrigin);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
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
        if (ConfiguredAnalysisSources.IsConfigured(settings))
        {
            if (mailboxPaths.Count > 0 && string.IsNullOrWhiteSpace(settings["Mailbox:Provider"]))
                settings = new ConfigurationBuilder().AddConfiguration(settings).AddInMemoryCollection([new("Mailbox:Provider", "local"), new("Mailbox:Path", mailboxPaths[0])]).Build();
            return ConfiguredAnalysisSources.Create(settings);
        }

        return new FixedAnalysisSources(new ContextSources
        {
            Mailbox = mailboxPaths.Count == 0 ? null : await LocalMailbox.OpenAsync(mailboxPaths, cancellationToken).ConfigureAwait(false),
            // Requests come over HTTP: never let them name files on this machine.
            FoundAt = new FoundAtChecker(allowLocalFiles: false),
        });
    }

    public static WebApplication Build(int port, IAnalysisSources sources, string? addinDir, string? allowedOrigin)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxRequestBytes + 1);
        builder.Services.AddOutreachApi(sources);
        if (allowedOrigin is not null)
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(allowedOrigin).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization", "Accept-Language")));

        WebApplication app = builder.Build();
        if (allowedOrigin is not null)
            app.UseCors();
        AddinPages.Map(app, addinDir);
        app.MapOutreachApi();
        return app;
    }
}

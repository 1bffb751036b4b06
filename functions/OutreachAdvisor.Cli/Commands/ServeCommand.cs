using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
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
        string? allowedOrigin = arguments.Value("--allow-origin");
        arguments.EnsureNothingLeft();

        // A long-running server wants compiled phrase patterns (the command line's default is interpreted).
        AppContext.SetSwitch(OutreachAdvisor.Analysis.Text.Lexicon.InterpretPatternsSwitch, false);
        addinDir ??= FindAddinDist();
        if (addinDir is not null && !Directory.Exists(addinDir))
            throw new UsageException($"--addin-dir {addinDir} does not exist (build the add-in with: npm --prefix addin run build)");

        var sources = new ContextSources
        {
            Mailbox = mailboxPaths.Count == 0 ? null : await LocalMailbox.OpenAsync(mailboxPaths, cancellationToken).ConfigureAwait(false),
            // Requests come over HTTP: never let them name files on this machine.
            FoundAt = new FoundAtChecker(allowLocalFiles: false),
        };

        WebApplication app = Build(port, new FixedAnalysisSources(sources), addinDir, allowedOrigin);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await stdout.WriteLineAsync($"Listening on {address}").ConfigureAwait(false);
        await stdout.WriteLineAsync($"  mailbox: {sources.Mailbox?.Name ?? "none"}; add-in pages: {addinDir ?? "not built"}; press Ctrl+C to stop").ConfigureAwait(false);
        await stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return OutreachCli.Clean;
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
        if (addinDir is not null)
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(addinDir));
            app.MapGet("/", () => Results.Redirect("/playground.html"));
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }
        app.MapOutreachApi();
        return app;
    }

    /// <summary>addin/dist of this checkout, looked for from the current folder upwards.</summary>
    private static string? FindAddinDist()
    {
        for (DirectoryInfo? dir = new(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "addin", "dist");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return null;
    }
}

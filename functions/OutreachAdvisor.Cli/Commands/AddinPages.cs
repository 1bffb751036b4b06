using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace OutreachAdvisor.Cli.Commands;

/// <summary>
/// The add-in's built pages under <c>outreach serve</c>: the playground at <c>/</c>, the static files
/// (task pane, event script, the rules' help pages under <c>help/rules/</c>), and the
/// <c>/.well-known/microsoft-officeaddins-allowed.json</c> allow-list that classic Outlook's event
/// runtime reads (a dot-folder, which the static-file provider hides). Without a build, <c>/</c>
/// says how to make one instead of answering an empty 404.
/// </summary>
public static class AddinPages
{
    public const string AllowListPath = "/.well-known/microsoft-officeaddins-allowed.json";

    /// <summary>The folder the packed .NET tool carries the pages in, beside outreach.dll.</summary>
    public const string PackedFolder = "addin";

    /// <summary>
    /// addin/dist of the checkout the command runs in (looked for from <paramref name="startDir"/> upwards),
    /// else the pages packed with the tool under <paramref name="appDir"/>; null when neither has a build.
    /// </summary>
    public static string? Find(string startDir, string appDir)
    {
        for (DirectoryInfo? dir = new(startDir); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "addin", "dist");
            if (File.Exists(Path.Combine(candidate, "playground.html")))
                return candidate;
        }
        string packed = Path.Combine(appDir, PackedFolder);
        return File.Exists(Path.Combine(packed, "playground.html")) ? packed : null;
    }

    public static void Map(WebApplication app, string? addinDir)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (addinDir is null)
        {
            app.MapGet("/", () => Results.Content(NotBuiltPage, "text/html; charset=utf-8"));
            return;
        }

        string root = Path.GetFullPath(addinDir);
        app.MapGet("/", () => Results.Redirect("/playground.html"));
        app.MapGet(AllowListPath, () =>
        {
            string file = Path.Combine(root, ".well-known", "microsoft-officeaddins-allowed.json");
            return File.Exists(file) ? Results.File(file, "application/json") : Results.NotFound();
        });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
    }

    private static readonly string NotBuiltPage = $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Outreach Advisor: the add-in is not built</title>
        <style>body{"{"}font-family:"Segoe UI",-apple-system,Roboto,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#242424;line-height:1.5{"}"}code,pre{"{"}background:#f5f5f5;border-radius:4px;padding:2px 4px{"}"}pre{"{"}padding:8px{"}"}</style></head>
        <body><main>
        <h1>The add-in's pages are not built</h1>
        <p>The API is running (<a href="/api/health">/api/health</a>), but this server found no built add-in to show.
        Build it from the repository, then start the server again:</p>
        <pre><code>cd addin
        npm ci
        npm run build</code></pre>
        <p>Or point the server at a build: <code>outreach serve --addin-dir {WebUtility.HtmlEncode("<path to addin/dist>")}</code>.
        The packed <code>outreach</code> tool carries the pages when it was packed after building the add-in.</p>
        </main></body>
        </html>
        """;
}

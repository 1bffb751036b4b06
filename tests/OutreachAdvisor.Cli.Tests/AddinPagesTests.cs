using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Api;
using OutreachAdvisor.Cli.Commands;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>The add-in's pages under `outreach serve`: built, not built, the .well-known allow-list, help pages, and where they are found.</summary>
[TestClass]
public sealed class AddinPagesTests
{
    private const string AllowList = "{ \"allowed\": [ \"https://addin.example/launchevent.js\" ] }";

    private static string NewBuild()
    {
        string dir = Directory.CreateTempSubdirectory("outreach-addin-pages-").FullName;
        File.WriteAllText(Path.Combine(dir, "playground.html"), "<!doctype html><title>playground</title>");
        Directory.CreateDirectory(Path.Combine(dir, ".well-known"));
        File.WriteAllText(Path.Combine(dir, ".well-known", "microsoft-officeaddins-allowed.json"), AllowList);
        Directory.CreateDirectory(Path.Combine(dir, "help", "rules"));
        File.WriteAllText(Path.Combine(dir, "help", "rules", "personal-greeting.html"), "<!doctype html><title>personal-greeting</title>");
        return dir;
    }

    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(string? addinDir)
    {
        WebApplication app = ServeCommand.Build(0, new FixedAnalysisSources(new ContextSources()), addinDir, allowedOrigin: null);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(address) });
    }

    [TestMethod]
    public async Task Without_a_build_the_root_page_says_how_to_build_the_addin()
    {
        (WebApplication app, HttpClient client) = await StartAsync(null);
        await using (app)
        using (client)
        {
            using HttpResponseMessage response = await client.GetAsync("/");
            Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
            Assert.AreEqual("text/html", response.Content.Headers.ContentType!.MediaType);
            string page = await response.Content.ReadAsStringAsync();
            StringAssert.Contains(page, "npm run build");
            StringAssert.Contains(page, "--addin-dir");
            Assert.AreEqual(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode, "the API still answers");
        }
    }

    [TestMethod]
    public async Task With_a_build_it_serves_the_playground_the_help_pages_and_the_wellknown_allow_list()
    {
        string dir = NewBuild();
        (WebApplication app, HttpClient client) = await StartAsync(dir);
        try
        {
            using HttpResponseMessage root = await client.GetAsync("/");
            Assert.AreEqual(HttpStatusCode.Redirect, root.StatusCode);
            Assert.AreEqual("/playground.html", root.Headers.Location!.OriginalString);

            using HttpResponseMessage allowed = await client.GetAsync(AddinPages.AllowListPath);
            Assert.AreEqual(HttpStatusCode.OK, allowed.StatusCode);
            Assert.AreEqual("application/json", allowed.Content.Headers.ContentType!.MediaType);
            Assert.AreEqual(AllowList, await allowed.Content.ReadAsStringAsync());

            using HttpResponseMessage help = await client.GetAsync("/help/rules/personal-greeting.html");
            Assert.AreEqual(HttpStatusCode.OK, help.StatusCode);
            StringAssert.Contains(await help.Content.ReadAsStringAsync(), "personal-greeting");
        }
        finally
        {
            client.Dispose();
            await app.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_build_without_the_allow_list_answers_404_for_it_not_another_file()
    {
        string dir = NewBuild();
        File.Delete(Path.Combine(dir, ".well-known", "microsoft-officeaddins-allowed.json"));
        (WebApplication app, HttpClient client) = await StartAsync(dir);
        try
        {
            Assert.AreEqual(HttpStatusCode.NotFound, (await client.GetAsync(AddinPages.AllowListPath)).StatusCode);
        }
        finally
        {
            client.Dispose();
            await app.DisposeAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    public void Find_prefers_the_checkouts_build_then_the_pages_packed_beside_the_tool()
    {
        string checkout = Directory.CreateTempSubdirectory("outreach-checkout-").FullName;
        string tool = Directory.CreateTempSubdirectory("outreach-tool-").FullName;
        try
        {
            string nested = Directory.CreateDirectory(Path.Combine(checkout, "functions", "x")).FullName;
            Assert.IsNull(AddinPages.Find(nested, tool), "no build anywhere");

            string packed = Directory.CreateDirectory(Path.Combine(tool, AddinPages.PackedFolder)).FullName;
            File.WriteAllText(Path.Combine(packed, "playground.html"), "packed");
            Assert.AreEqual(packed, AddinPages.Find(nested, tool));

            string dist = Directory.CreateDirectory(Path.Combine(checkout, "addin", "dist")).FullName;
            Assert.AreEqual(packed, AddinPages.Find(nested, tool), "an empty dist is not a build");
            File.WriteAllText(Path.Combine(dist, "playground.html"), "built");
            Assert.AreEqual(dist, AddinPages.Find(nested, tool));
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
            Directory.Delete(tool, recursive: true);
        }
    }
}

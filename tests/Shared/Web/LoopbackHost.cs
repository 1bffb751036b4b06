using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OutreachAdvisor.Tests.Common;

/// <summary>
/// A quiet Kestrel app on 127.0.0.1 with a free port, for the fake servers the tests talk to
/// (Graph, Azure AI Language, web pages). Loopback only: nothing else is a test target here.
/// </summary>
public static class LoopbackHost
{
    /// <returns>The started app and its address, e.g. "http://127.0.0.1:41234" (no trailing slash).</returns>
    public static async Task<(WebApplication App, string Address)> StartAsync(Action<WebApplication> configure)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        WebApplication app = builder.Build();
        configure(app);
        await app.StartAsync().ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (app, address.TrimEnd('/'));
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Api.Tests;

/// <summary>
/// A minimal Microsoft Graph on 127.0.0.1 for wiring tests: an empty mailbox (every message and
/// contact query answers an empty collection, also inside JSON batches) and one verified domain.
/// It records the Authorization headers it receives.
/// </summary>
internal sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGraph(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public ConcurrentBag<string> Authorizations { get; } = [];

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph? graph = null;
        (WebApplication app, string address) = await LoopbackHost.StartAsync(host => host.Run(async context =>
        {
            graph!.Authorizations.Add(context.Request.Headers.Authorization.ToString());
            context.Response.ContentType = "application/json";
            string path = context.Request.Path.Value ?? string.Empty;
            if (path.EndsWith("/$batch", StringComparison.Ordinal))
            {
                JsonNode request = (await JsonNode.ParseAsync(context.Request.Body))!;
                var responses = new JsonArray(request["requests"]!.AsArray().Select(step => (JsonNode)new JsonObject
                {
                    ["id"] = step!["id"]!.GetValue<string>(),
                    ["status"] = 200,
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["body"] = new JsonObject { ["value"] = new JsonArray() },
                }).ToArray());
                await context.Response.WriteAsync(new JsonObject { ["responses"] = responses }.ToJsonString());
            }
            else if (path.EndsWith("/organization", StringComparison.Ordinal))
            {
                await context.Response.WriteAsync("""{"value":[{"id":"org","verifiedDomains":[{"name":"lee.example","isDefault":true,"isInitial":false,"type":"Managed","capabilities":"Email"}]}]}""");
            }
            else
            {
                await context.Response.WriteAsync("""{"value":[]}""");
            }
        }));
        graph = new FakeGraph(app, address + "/v1.0");
        return graph;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

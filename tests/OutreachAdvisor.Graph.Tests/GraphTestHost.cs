using Microsoft.Graph;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>A fake Graph server with its mailbox data, and the real SDK client pointed at it.</summary>
public sealed class GraphTestHost : IAsyncDisposable
{
    private readonly HttpClient _http;

    private GraphTestHost(FakeGraph graph, FakeGraphServer server)
    {
        Graph = graph;
        Server = server;
        // The SDK's default handler chain (retry, redirect, compression...), as the deployed client has.
        _http = GraphClientFactory.Create();
        Client = new GraphServiceClient(_http, new FakeTokenProvider(), server.BaseUrl);
    }

    public FakeGraph Graph { get; }
    public FakeGraphServer Server { get; }
    public GraphServiceClient Client { get; }

    public static async Task<GraphTestHost> StartAsync()
    {
        var graph = new FakeGraph();
        FakeGraphServer server = await FakeGraphServer.StartAsync(graph.Answer);
        graph.BaseUrl = server.BaseUrl;
        return new GraphTestHost(graph, server);
    }

    public GraphMailbox Mailbox(GraphMailboxOptions? options = null) => new(Client, options);

    /// <summary>Requests (or batch steps) to one path, e.g. "/me/contacts".</summary>
    public FakeRequest[] To(string path) => Server.Requests.Where(r => r.Path == "/v1.0" + path).ToArray();

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}

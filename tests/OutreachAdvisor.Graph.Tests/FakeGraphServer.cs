using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>One request as the fake sees it: a real HTTP request, or one step of a JSON batch.</summary>
/// <param name="Path">Path with the /v1.0 prefix, e.g. /v1.0/me/messages.</param>
/// <param name="Query">Decoded query parameters ($filter, $select...).</param>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? Authorization, bool InBatch)
{
    public string? this[string name] => Query.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>What the fake answers; <see cref="Hang"/> never answers.</summary>
public sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static readonly FakeResponse Hang = new(0, "");

    public static FakeResponse Json(JsonNode body) => new(200, body.ToJsonString());

    /// <summary>The Graph error shape (<c>{"error":{"code","message"}}</c>).</summary>
    public static FakeResponse Error(int status, string code, string message) =>
        new(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }.ToJsonString());
}

/// <summary>
/// A Kestrel server on 127.0.0.1 (a free port) that plays Microsoft Graph v1.0: it answers each
/// request, and each step of a <c>POST /v1.0/$batch</c>, through one function, and records them all.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeGraphServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:41234/v1.0 (what the SDK is pointed at).</summary>
    public string BaseUrl { get; }

    /// <summary>Every request in arrival order; batch steps are recorded after their $batch POST.</summary>
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public IEnumerable<FakeRequest> HttpRequests => Requests.Where(r => !r.InBatch);

    private int _inFlight;
    private int _maxInFlight;

    /// <summary>
    /// The most requests Graph would have run at once for the mailbox: each HTTP request counts 1, a $batch
    /// counts as many of its steps as Outlook runs together (up to 4).
    /// </summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>How long each answer takes (so concurrent requests overlap).</summary>
    public TimeSpan Latency { get; set; }

    public static async Task<FakeGraphServer> StartAsync(Func<FakeRequest, FakeResponse> answer)
    {
        FakeGraphServer? server = null;
        (WebApplication app, string address) = await LoopbackHost.StartAsync(host => host.Run(context => server!.HandleAsync(context, answer))).ConfigureAwait(false);
        server = new FakeGraphServer(app, address + "/v1.0");
        return server;
    }

    private async Task HandleAsync(HttpContext context, Func<FakeRequest, FakeResponse> answer)
    {
        HttpRequest http = context.Request;
        var request = new FakeRequest(
            http.Method, http.Path.Value ?? "",
            http.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal),
            http.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            InBatch: false);
        Requests.Enqueue(request);

        bool isBatch = request.Method == "POST" && request.Path == "/v1.0/$batch";
        string? body = null;
        int weight = 1;
        if (isBatch)
        {
            body = await new StreamReader(http.Body).ReadToEndAsync().ConfigureAwait(false);
            weight = Math.Min(4, JsonNode.Parse(body)!["requests"]!.AsArray().Count);
        }
        int now = Interlocked.Add(ref _inFlight, weight);
        for (int seen = Volatile.Read(ref _maxInFlight); now > seen; seen = Volatile.Read(ref _maxInFlight))
            Interlocked.CompareExchange(ref _maxInFlight, now, seen);
        FakeResponse response;
        try
        {
            if (Latency > TimeSpan.Zero)
                await Task.Delay(Latency).ConfigureAwait(false);
            response = isBatch ? AnswerBatch(body!, answer) : answer(request);
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -weight);
        }
        if (ReferenceEquals(response, FakeResponse.Hang))
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach ((string? name, string? value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.Body, Encoding.UTF8).ConfigureAwait(false);
    }

    /// <summary>The documented batch shape: <c>{"requests":[{id,method,url}]}</c> in, <c>{"responses":[{id,status,headers,body}]}</c> out.</summary>
    private FakeResponse AnswerBatch(string body, Func<FakeRequest, FakeResponse> answer)
    {
        JsonNode batch = JsonNode.Parse(body)!;
        var responses = new JsonArray();
        foreach (JsonNode? step in batch["requests"]!.AsArray())
        {
            // The SDK writes step urls relative to the version and already unescaped: /me/messages?$filter=...
            string url = step!["url"]!.GetValue<string>();
            int question = url.IndexOf('?', StringComparison.Ordinal);
            var request = new FakeRequest(
                step["method"]!.GetValue<string>(),
                "/v1.0" + (question < 0 ? url : url[..question]),
                ParseQuery(question < 0 ? "" : url[(question + 1)..]),
                Authorization: step["headers"]?["Authorization"]?.GetValue<string>(),
                InBatch: true);
            Requests.Enqueue(request);
            FakeResponse response = answer(request);
            if (ReferenceEquals(response, FakeResponse.Hang))
                return FakeResponse.Hang; // One step that never answers holds up the whole batch.
            var headers = new JsonObject { ["Content-Type"] = "application/json" };
            foreach ((string? name, string? value) in response.Headers ?? new Dictionary<string, string>())
                headers[name] = value;
            responses.Add(new JsonObject
            {
                ["id"] = step["id"]!.GetValue<string>(),
                ["status"] = response.Status,
                ["headers"] = headers,
                ["body"] = JsonNode.Parse(response.Body),
            });
        }
        return FakeResponse.Json(new JsonObject { ["responses"] = responses });
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv.Length > 1 ? kv[1] : "", StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Language.Tests;

/// <summary>One request as the fake server received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Kind => Json.GetProperty("kind").GetString()!;

    public JsonElement Parameters => Json.GetProperty("parameters");

    public IReadOnlyList<(string Id, string Text, string? Language)> Documents =>
        Json.GetProperty("analysisInput").GetProperty("documents").EnumerateArray()
            .Select(d => (
                d.GetProperty("id").GetString()!,
                d.GetProperty("text").GetString()!,
                d.TryGetProperty("language", out JsonElement language) ? language.GetString() : null))
            .ToList();

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;
}

/// <summary>What the fake answers. <see cref="Hang"/> never answers (until the client hangs up).</summary>
internal sealed record FakeResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null, bool Hang = false)
{
    public static FakeResponse Json(object body) => new(200, JsonSerializer.Serialize(body));
}

/// <summary>
/// A Kestrel app on 127.0.0.1 that answers <c>POST /language/:analyze-text</c> and records every request.
/// By default it answers by <c>kind</c> from <see cref="BodiesByKind"/> (the documented example bodies);
/// a test may set <see cref="Handler"/> to answer anything else (errors, computed results, silence).
/// </summary>
internal sealed class FakeLanguageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _count;

    private FakeLanguageServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentDictionary<string, string> BodiesByKind { get; } = new();

    /// <summary>(request, 1-based request number) to response.</summary>
    public Func<RecordedRequest, int, FakeResponse>? Handler { get; set; }

    public IReadOnlyList<RecordedRequest> RequestsOfKind(string kind) => Requests.Where(r => r.Kind == kind).ToList();

    public static async Task<FakeLanguageServer> StartAsync()
    {
        FakeLanguageServer? server = null;
        (WebApplication? app, string? address) = await LoopbackHost.StartAsync(host => host.Run(context => server!.HandleAsync(context)));
        server = new FakeLanguageServer(app, new Uri(address + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        if (context.Request.Method != "POST" || context.Request.Path != "/language/:analyze-text")
        {
            context.Response.StatusCode = 404;
            return;
        }

        var request = new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value!,
            context.Request.QueryString.Value ?? "",
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        Requests.Enqueue(request);
        int number = Interlocked.Increment(ref _count);

        FakeResponse response = Handler?.Invoke(request, number)
            ?? (BodiesByKind.TryGetValue(request.Kind, out string? known)
                ? new FakeResponse(200, known)
                : new FakeResponse(500, """{"error":{"code":"InternalServerError","message":"no fake body for this kind"}}"""));

        if (response.Hang)
        {
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // the client gave up, as it should
            }

            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach ((string? name, string? value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body);
    }
}

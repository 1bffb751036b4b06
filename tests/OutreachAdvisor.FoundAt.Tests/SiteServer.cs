using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// A Kestrel server on one loopback address (127.0.0.1, 127.0.0.2...) that serves made-up sites by
/// their Host header (the tests' resolver maps those names to this address), and records every
/// request and how many were running at once, per site and in all.
/// </summary>
internal sealed class SiteServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Host, string Path), RequestDelegate> _routes = new();
    private readonly ConcurrentDictionary<string, int> _running = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _maxRunning = new(StringComparer.OrdinalIgnoreCase);
    private WebApplication _app = null!;
    private int _runningAll;
    private int _maxRunningAll;

    private SiteServer(IPAddress address) => Address = address;

    public IPAddress Address { get; }

    public int Port { get; private set; }

    /// <summary>Every request, in arrival order: host (without port), path and query, User-Agent.</summary>
    public ConcurrentQueue<(string Host, string Path, string UserAgent)> Requests { get; } = new();

    /// <summary>Added to every answer, so that requests overlap and the caps show.</summary>
    public TimeSpan Delay { get; set; }

    public int MaxRunning => Volatile.Read(ref _maxRunningAll);

    public int MaxRunningFor(string host) => _maxRunning.GetValueOrDefault(host);

    public int RequestsTo(string host) => Requests.Count(r => r.Host.Equals(host, StringComparison.OrdinalIgnoreCase));

    public string[] PathsRequested(string host) => Requests.Where(r => r.Host.Equals(host, StringComparison.OrdinalIgnoreCase)).Select(r => r.Path).ToArray();

    /// <summary>http://HOST:PORT/PATH: the port is this server's, the host any name the resolver maps here.</summary>
    public string Url(string host, string path) => $"http://{host}:{Port}{path}";

    public static async Task<SiteServer> StartAsync(string address = "127.0.0.1")
    {
        var server = new SiteServer(IPAddress.Parse(address));
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}:0");
        server._app = builder.Build();
        server._app.Run(server.AnswerAsync);
        await server._app.StartAsync();
        string bound = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Port = new Uri(bound).Port;
        return server;
    }

    public void Html(string host, string path, string html) => Text(host, path, html, "text/html; charset=utf-8");

    public void Text(string host, string path, string body, string contentType) =>
        _routes[(host.ToLowerInvariant(), path)] = context =>
        {
            context.Response.ContentType = contentType;
            return context.Response.WriteAsync(body, Encoding.UTF8, context.RequestAborted);
        };

    public void Redirect(string host, string path, string location) =>
        _routes[(host.ToLowerInvariant(), path)] = context =>
        {
            context.Response.Redirect(location);
            return Task.CompletedTask;
        };

    public void Status(string host, string path, int status) =>
        _routes[(host.ToLowerInvariant(), path)] = context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        };

    public void Handle(string host, string path, RequestDelegate handler) => _routes[(host.ToLowerInvariant(), path)] = handler;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        string host = context.Request.Host.Host.ToLowerInvariant();
        string path = context.Request.Path.Value + context.Request.QueryString.Value;
        Requests.Enqueue((host, path, context.Request.Headers.UserAgent.ToString()));
        Track(host, +1);
        try
        {
            if (Delay > TimeSpan.Zero)
                await Task.Delay(Delay, context.RequestAborted);
            if (_routes.TryGetValue((host, path), out RequestDelegate? handler) || _routes.TryGetValue((host, context.Request.Path.Value ?? "/"), out handler))
                await handler(context);
            else
                context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            // the client gave up: what several tests are about
        }
        finally
        {
            Track(host, -1);
        }
    }

    private void Track(string host, int change)
    {
        int now = _running.AddOrUpdate(host, Math.Max(change, 0), (_, running) => running + change);
        _maxRunning.AddOrUpdate(host, now, (_, max) => Math.Max(max, now));
        int all = Interlocked.Add(ref _runningAll, change);
        int seen;
        while (all > (seen = Volatile.Read(ref _maxRunningAll)) && Interlocked.CompareExchange(ref _maxRunningAll, all, seen) != seen)
        {
        }
    }
}

using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>
/// A Kestrel app on 127.0.0.1 with one endpoint per situation the fetcher must handle.
/// Its redirects may point at forbidden addresses: the fetcher must refuse them before connecting.
/// </summary>
internal sealed class LocalTestServer : IAsyncDisposable
{
    public const string PageWithAddress = "<html><body><p>Write to jane [at] shape [dot] example</p></body></html>";
    private const int OverLimit = 1_048_576 + 1024;

    private readonly WebApplication _app;

    private LocalTestServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public string Url(string path) => new Uri(BaseUrl, path).ToString();

    public static async Task<LocalTestServer> StartAsync()
    {
        (WebApplication? app, string? address) = await LoopbackHost.StartAsync(MapEndpoints);
        return new LocalTestServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.MapGet("/with-address", () => Results.Text(PageWithAddress, "text/html"));
        app.MapGet("/without-address", () => Results.Text("<p>Nobody here.</p>", "text/html"));
        app.MapGet("/plain", () => Results.Text("Mail: jane@shape.example", "text/plain"));
        app.MapGet("/xhtml", () => Results.Text("<html><a href=\"mailto:jane%40shape.example\">me</a></html>", "application/xhtml+xml"));
        app.MapGet("/latin1", () => Results.Bytes(
            Encoding.Latin1.GetBytes("<p>Caffè con jane@shape.example</p>"), "text/html; charset=iso-8859-1"));
        app.MapGet("/windows-1252", () => Results.Bytes(
            [0x93, (byte)'j', (byte)'a', (byte)'n', (byte)'e', (byte)'@', (byte)'s', (byte)'.', (byte)'e', 0x94], "text/html; charset=windows-1252"));
        app.MapGet("/unknown-charset", () => Results.Bytes("<p>jane@shape.example</p>"u8.ToArray(), "text/html; charset=x-nonsense"));
        app.MapGet("/utf-7", () => Results.Bytes("<p>jane@shape.example</p>"u8.ToArray(), "text/html; charset=utf-7"));
        app.MapGet("/image", () => Results.Bytes([0x89, 0x50, 0x4E, 0x47], "image/png"));
        app.MapGet("/no-content-type", (HttpContext context) => context.Response.Body.WriteAsync("jane@shape.example"u8.ToArray()).AsTask());
        app.MapGet("/missing", () => Results.NotFound());

        app.MapGet("/redirect-to-page", () => Results.Redirect("/with-address"));
        app.MapGet("/redirect-twice", () => Results.Redirect("/redirect-to-page", permanent: true));
        app.MapGet("/redirect-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/redirect-private", () => Results.Redirect("http://10.0.0.1/"));
        app.MapGet("/redirect-file", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/redirect-userinfo", (HttpContext context) =>
            Results.Redirect($"http://user:secret@{context.Request.Host}/with-address"));
        app.MapGet("/redirect-by-name", () => Results.Redirect("http://evil.test/latest/meta-data/"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));

        app.MapGet("/large-with-length", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            context.Response.ContentLength = OverLimit;
            await WriteQuietlyAsync(context, new byte[OverLimit]);
        });
        app.MapGet("/large-chunked", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            byte[] chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (int written = 0; written < OverLimit; written += chunk.Length)
            {
                if (!await WriteQuietlyAsync(context, chunk))
                {
                    return;
                }
            }
        });
        app.MapGet("/slow-headers", async (HttpContext context) =>
            await DelayQuietlyAsync(context, TimeSpan.FromSeconds(30)));
        app.MapGet("/slow-body", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/html";
            if (await WriteQuietlyAsync(context, "<p>jane"u8.ToArray()))
            {
                await DelayQuietlyAsync(context, TimeSpan.FromSeconds(30));
            }
        });
    }

    /// <summary>The client hanging up is the point of several tests, so it is not an error here.</summary>
    private static async Task<bool> WriteQuietlyAsync(HttpContext context, byte[] bytes)
    {
        try
        {
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            return true;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static async Task DelayQuietlyAsync(HttpContext context, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // the fetcher gave up, as it should
        }
    }
}

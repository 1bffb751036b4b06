using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Api;
using OutreachAdvisor.Cli.Commands;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>`outreach serve` over real HTTP: Host filtering (15.6), chunked bodies (15.8), rate limits.</summary>
[TestClass]
public sealed class ServeHardeningTests
{
    private static WebApplication? App;
    private static Uri? Address;

    [ClassInitialize]
    public static async Task StartAsync(TestContext context)
    {
        App = ServeCommand.Build(0, new FixedAnalysisSources(ContextSources.None), addinDir: null, allowedOrigin: null,
            settings: [new("RateLimits:AnalyzePerMinute", "1000")]);
        await App.StartAsync();
        Address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        if (App is not null)
            await App.DisposeAsync();
    }

    /// <summary>A raw HTTP/1.1 exchange, so the Host header and the chunk framing are exactly what the test says.</summary>
    private static async Task<(int Status, string Headers, string Body)> RawAsync(string head, byte[]? body = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Address!.Port);
        NetworkStream stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (body is not null)
            await stream.WriteAsync(body);
        using var response = new MemoryStream();
        await stream.CopyToAsync(response).WaitAsync(TimeSpan.FromSeconds(30));
        string text = Encoding.UTF8.GetString(response.ToArray());
        int split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        int status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        string headers = text[..split];
        string rest = text[(split + 4)..];
        return (status, headers, headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(rest) : rest);
    }

    /// <summary>The body of a chunked response without its framing (sizes in hex, each line ended by CRLF).</summary>
    private static string Dechunk(string framed)
    {
        var body = new StringBuilder();
        int at = 0;
        while (at < framed.Length)
        {
            int lineEnd = framed.IndexOf("\r\n", at, StringComparison.Ordinal);
            int size = int.Parse(framed[at..lineEnd], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0)
                break;
            body.Append(framed, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return body.ToString();
    }

    [TestMethod]
    [DataRow("evil.example")]
    [DataRow("rebind.evil.example:7071")]
    [DataRow("192.168.1.20")]
    public async Task A_request_naming_a_non_loopback_host_is_refused(string host)
    {
        (int status, string headers, string body) = await RawAsync($"GET /api/health HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

        Assert.AreEqual(400, status);
        StringAssert.Contains(headers, "application/problem+json");
        StringAssert.Contains(body, "Host");
        Assert.DoesNotContain("\"status\":\"ok\"", body, "the health route did not run");
    }

    [TestMethod]
    [DataRow("localhost")]
    [DataRow("127.0.0.1")]
    [DataRow("[::1]")]
    public async Task Loopback_hosts_are_answered(string host)
    {
        (int status, _, string body) = await RawAsync($"GET /api/health HTTP/1.1\r\nHost: {host}:{Address!.Port}\r\nConnection: close\r\n\r\n");

        Assert.AreEqual(200, status, body);
        StringAssert.Contains(body, "\"status\":\"ok\"");
    }

    /// <summary>A chunked request body: <paramref name="json"/> cut into chunks of <paramref name="chunkSize"/> bytes.</summary>
    private static byte[] Chunked(string json, int chunkSize)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        using var framed = new MemoryStream();
        for (int i = 0; i < bytes.Length; i += chunkSize)
        {
            int size = Math.Min(chunkSize, bytes.Length - i);
            framed.Write(Encoding.ASCII.GetBytes($"{size:x}\r\n"));
            framed.Write(bytes, i, size);
            framed.Write("\r\n"u8);
        }
        framed.Write("0\r\n\r\n"u8);
        return framed.ToArray();
    }

    private static string JsonOfSize(int bytes)
    {
        const string Head = """{"to":[],"bodyFormat":"text","body":" """;
        string filler = string.Concat(Enumerable.Repeat("Dear Jane, could we talk? ", bytes / 26 + 1));
        return Head + filler[..(bytes - Head.Length - 2)] + "\"}";
    }

    [TestMethod]
    public async Task A_chunked_body_under_the_limit_is_measured_by_its_size_not_its_framing()
    {
        // 1,000,000 bytes of JSON in 64-byte chunks: about 1,110,000 bytes on the wire, more than 1 MiB.
        string json = JsonOfSize(1_000_000);
        byte[] framed = Chunked(json, 64);
        Assert.IsGreaterThan(ApiLimits.MaxRequestBytes, framed.Length);

        (int status, _, string body) = await RawAsync(
            $"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", framed);

        Assert.AreEqual(200, status, body.Length > 300 ? body[..300] : body);
    }

    [TestMethod]
    public async Task A_chunked_body_over_the_limit_is_a_413_problem_like_a_content_length_one()
    {
        byte[] framed = Chunked(JsonOfSize(ApiLimits.MaxRequestBytes + 10_000), 8192);

        (int status, string headers, string body) = await RawAsync(
            $"POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", framed);

        Assert.AreEqual(413, status);
        StringAssert.Contains(headers, "application/problem+json");
        using var problem = JsonDocument.Parse(body.Trim());
        Assert.AreEqual(413, problem.RootElement.GetProperty("status").GetInt32());
    }
}

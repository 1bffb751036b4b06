using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Benchmarks;

/// <summary>
/// A bounded load test of `outreach serve` on 127.0.0.1 (issue 3's floor: p99 at most 20 ms with the
/// built-in analyzer and a local mailbox of 1,000 messages). It starts the server as a child process,
/// warms it up, then sends a fixed number of mixed sample messages from a fixed number of concurrent
/// clients, and prints latency percentiles, requests per second and errors. Only loopback is used.
/// </summary>
public static class LoadTest
{
    public static async Task<int> RunAsync(string[] args)
    {
        int requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        int clients = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
        string root = FindRoot();
        string mailbox = SyntheticMailbox.Write(Directory.CreateTempSubdirectory("outreach-load-").FullName, messages: 1_000);
        byte[][] bodies = await SampleRequestsAsync(root);

        string cli = Path.Combine(root, "functions", "OutreachAdvisor.Cli", "bin", "Release", "net10.0", "outreach.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{cli}\" serve --port 0 --mailbox \"{mailbox}\"")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // One client address sends every request: the per-user limit (60 a minute by default) would refuse all but
        // the first minute's worth, so the load run measures the server with the limit off (LOAD_SERVER_ENV may set it).
        start.Environment["RateLimits__AnalyzePerMinute"] = "0";
        foreach (string setting in (Environment.GetEnvironmentVariable("LOAD_SERVER_ENV") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
            start.Environment[setting[..setting.IndexOf('=')]] = setting[(setting.IndexOf('=') + 1)..];
        using Process server = Process.Start(start) ?? throw new InvalidOperationException("could not start outreach serve");
        try
        {
            string? line = await server.StandardOutput.ReadLineAsync();
            if (line is null || !line.StartsWith("Listening on ", StringComparison.Ordinal))
                throw new InvalidOperationException($"outreach serve did not start: {line}");
            var baseAddress = new Uri(line["Listening on ".Length..]);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = baseAddress };

            await SendAsync(http, bodies, Math.Min(2_000, requests / 4), clients, record: null); // warm-up: JIT, DFA caches, connections
            long[] latencies = new long[requests];
            server.Refresh();
            TimeSpan serverCpu = server.TotalProcessorTime, clientCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            int errors = await SendAsync(http, bodies, requests, clients, latencies);
            clock.Stop();
            server.Refresh();
            double serverUs = (server.TotalProcessorTime - serverCpu).TotalMicroseconds / requests;
            double clientUs = (Process.GetCurrentProcess().TotalProcessorTime - clientCpu).TotalMicroseconds / requests;

            Array.Sort(latencies);
            double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
            double Percentile(double p) => Ms(latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))]);
            Console.WriteLine($"load: {requests} requests, {clients} concurrent clients, local mailbox of 1,000 messages, built-in analyzer");
            Console.WriteLine($"  errors {errors}; {requests / clock.Elapsed.TotalSeconds:F0} requests/s; p50 {Percentile(0.50):F2} ms; p90 {Percentile(0.90):F2} ms; p99 {Percentile(0.99):F2} ms; max {Ms(latencies[^1]):F2} ms");
            Console.WriteLine($"  CPU per request: server {serverUs:F0} us, load generator {clientUs:F0} us (2 cores shared)");
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            Directory.Delete(mailbox, recursive: true);
        }
    }

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="clients"/> workers; returns the number of errors.</summary>
    private static async Task<int> SendAsync(HttpClient http, byte[][] bodies, int count, int clients, long[]? record)
    {
        int next = -1;
        int errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < count)
            {
                long start = Stopwatch.GetTimestamp();
                using var content = new ByteArrayContent(bodies[index % bodies.Length]);
                content.Headers.ContentType = new("application/json");
                try
                {
                    using HttpResponseMessage response = await http.PostAsync("/api/analyze", content);
                    await response.Content.ReadAsByteArrayAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                        Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                if (record is not null)
                    record[index] = Stopwatch.GetTimestamp() - start;
            }
        }));
        return errors;
    }

    /// <summary>The bundled sample messages as analysis requests (JSON), the mix the load test cycles through.</summary>
    private static async Task<byte[][]> SampleRequestsAsync(string root)
    {
        var bodies = new List<byte[]>();
        foreach (string file in Directory.GetFiles(Path.Combine(root, "samples", "messages"), "*.eml").Order())
        {
            MessageInput message = await MessageFile.ReadAsync(file, CancellationToken.None);
            bodies.Add(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(message, AnalysisJsonContext.Default.MessageInput)));
        }
        return [.. bodies];
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutreachAdvisor.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}

/// <summary>Writes a mailbox of .eml files: Ann's mail with 50 correspondents, threads with replies, and newsletters.</summary>
public static class SyntheticMailbox
{
    public static string Write(string folder, int messages)
    {
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(1));
        for (int i = 0; i < messages; i++)
        {
            int person = random.Next(50);
            bool fromAnn = random.Next(2) == 0;
            string ann = "Ann Lee <ann@lee.example>";
            string other = $"Person {person} <person{person}@company{person % 17}.example>";
            string thread = $"<t{i / 3}@lee.example>";
            StringBuilder text = new StringBuilder()
                .Append("From: ").Append(fromAnn ? ann : other).Append('\n')
                .Append("To: ").Append(fromAnn ? other : ann).Append('\n')
                .Append("Subject: Thread ").Append(i / 3).Append('\n')
                .Append("Date: ").Append(start.AddHours(i * 3).ToString("r", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
                .Append("Message-ID: ").Append(i % 3 == 0 ? thread : $"<m{i}@lee.example>").Append('\n');
            if (i % 3 != 0)
                text.Append("In-Reply-To: ").Append(thread).Append("\nReferences: ").Append(thread).Append('\n');
            text.Append("\nHello, this is message ").Append(i).Append(".\n");
            File.WriteAllText(Path.Combine(folder, $"{i:D5}.eml"), text.ToString());
        }
        return folder;
    }
}

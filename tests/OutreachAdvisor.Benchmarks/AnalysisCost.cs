using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Benchmarks;

/// <summary>
/// CPU time per analysis (issue 15, bounded work): the 1 MiB adversarial request of the API's ResponseCapTests
/// (500 recipients with found-at pages, every pattern a rule quotes repeated to fill the megabyte) and a normal
/// 5 KB message, each read from its JSON and analysed with the found-at pages known, as the API does. Process
/// CPU time (all threads, so garbage collection counts) over N sequential analyses after a warm-up.
/// `dotnet run -c Release --project tests/OutreachAdvisor.Benchmarks -- cost [N]`.
/// </summary>
public static class AnalysisCost
{
    public static int Run(string[] args)
    {
        int runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        Measure("1 MiB adversarial request", JsonSerializer.Serialize(Adversarial(), AnalysisJsonContext.Default.MessageInput), runs);
        Measure("5 KB English message", JsonSerializer.Serialize(SyntheticMessages.Create(5_000), AnalysisJsonContext.Default.MessageInput), runs * 50);
        return 0;
    }

    /// <summary>The same pieces as tests/OutreachAdvisor.Api.Tests ResponseCapTests.AdversarialBody, as a message.</summary>
    public static MessageInput Adversarial()
    {
        StringBuilder body = AdversarialText.Body(960_000);
        EmailAddress[] to = Enumerable.Range(0, 500).Select(i => new EmailAddress($"Person {i}", $"person{i}@outlet{i % 37}.example")).ToArray();
        return new MessageInput
        {
            From = new EmailAddress("Ann Lee", "ann@lee.example"),
            To = to,
            Subject = "Hi {{first_name}} {{company}} [Name]",
            Body = body.ToString(),
            FoundAt = to.ToDictionary(r => r.Address, r => $"https://{r.Domain}/staff/{r.LocalPart}"),
        };
    }

    private static void Measure(string name, string json, int runs)
    {
        AnalysisResult Once()
        {
            MessageInput message = JsonSerializer.Deserialize(json, AnalysisJsonContext.Default.MessageInput)!;
            var context = AnalysisContext.FromMessageOnly(message);
            return OutreachAnalyzer.Default.Analyze(message, context);
        }

        AnalysisResult result = Once();
        for (int i = 0; i < 3; i++)
            Once();
        using var process = Process.GetCurrentProcess();
        TimeSpan cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++)
            Once();
        clock.Stop();
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / runs;
        Console.WriteLine($"{name}: {Encoding.UTF8.GetByteCount(json):N0} bytes of JSON; {runs} analyses: CPU {cpuMs:F2} ms, wall {clock.Elapsed.TotalMilliseconds / runs:F2} ms per analysis");
        Console.WriteLine($"  findings {result.Findings.Count}, checks {string.Join(", ", result.Checks.Select(c => $"{c.Rule} {c.Status.ToString().ToLowerInvariant()}"))}");
        if (result.Truncated is { } cut)
            Console.WriteLine($"  truncated: read {cut.TextCharactersRead} of {cut.TextCharacters} characters, rules out of time {cut.RulesOutOfTime ?? 0}");
    }
}

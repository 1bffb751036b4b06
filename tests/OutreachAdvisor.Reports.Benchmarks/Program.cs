using System.Diagnostics;
using System.Globalization;
using OutreachAdvisor.Reports;
using OutreachAdvisor.Reports.Benchmarks;
using OutreachAdvisor.Reports.Model;

// dotnet run -c Release --project tests/OutreachAdvisor.Reports.Benchmarks -- [10000|100000|1000000] [--html FILE]
//   A full report over a synthetic mailbox of N sent messages (plus received): time and peak memory.
// dotnet run -c Release --project tests/OutreachAdvisor.Reports.Benchmarks -- templates [N] [options]
//   The template benchmark: recall and precision on generated campaigns, clustering time at 10x and 100x (TemplateBenchmark.cs).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length > 0 && args[0] == "templates")
{
    TemplateBenchmark.Run(args);
    return;
}

if (args.Length > 0 && args[0] == "stages")
{
    await StageBenchmark.RunAsync(args);
    return;
}

// generate N: only the synthetic mailbox, to tell the generator's own CPU time apart from the report's.
if (args.Length > 0 && args[0] == "generate")
{
    int size = args.Length > 1 && int.TryParse(args[1], out int g) && g > 0 ? g : 100_000;
    TimeSpan started = CpuClock.Now();
    long mails = 0, chars = 0;
    await foreach (ReportMail mail in new SyntheticMailbox(size).ReadAsync(DateTimeOffset.MinValue, CancellationToken.None))
    {
        mails++;
        chars += mail.Body?.Length ?? 0;
    }

    TimeSpan spent = CpuClock.Now() - started;
    Console.WriteLine($"generated {mails:N0} messages ({chars / Math.Max(1, mails):N0} characters each) in CPU {spent.TotalSeconds:0.00} s ({spent.TotalMilliseconds * 1000 / Math.Max(1, mails):N1} µs per message)");
    return;
}

int sent = args.Length > 0 && int.TryParse(args[0], out int n) && n > 0 ? n : 100_000;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

// --parallelism N: analysis workers (default: one per core, as the engine does).
int parallelismAt = Array.IndexOf(args, "--parallelism");
int parallelism = parallelismAt >= 0 && parallelismAt + 1 < args.Length && int.TryParse(args[parallelismAt + 1], out int workers) && workers > 0 ? workers : Environment.ProcessorCount;
var mailbox = new SyntheticMailbox(sent);
var measured = new MeasuredSource(mailbox);
using var sampler = new MemorySampler();
TimeSpan cpu = CpuClock.Now();
var clock = Stopwatch.StartNew();
long read = 0;
OutreachReport? report = await new ReportEngine(new ReportOptions
{
    Me = SyntheticMailbox.Owner,
    Progress = count => read = count,
    ProgressInterval = 10_000,
    Parallelism = parallelism,
}).RunAsync(measured);
clock.Stop();
cpu = CpuClock.Now() - cpu;
using (var process = Process.GetCurrentProcess())
{
    process.Refresh();
    GCMemoryInfo gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"report: {report.SentMessages:N0} sent + {report.ReceivedMessages:N0} received in {clock.Elapsed.TotalSeconds:0.0} s " +
                      $"({report.SentMessages / clock.Elapsed.TotalSeconds:N0} sent messages/s), CPU {cpu.TotalSeconds:0.0} s ({cpu.TotalMilliseconds * 1000 / report.SentMessages:N0} µs per sent message)");
    Console.WriteLine($"        outreach {report.OutreachMessages:N0}, replied {report.Replied:N0} ({report.ReplyRate:P1}), average score {report.AverageScore}, " +
                      $"templates {report.Templates.Count} (campaign messages generated: {mailbox.CampaignMessages:N0}, clustered: {report.Templates.Sum(t => t.Messages):N0})");
    Console.WriteLine($"memory: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB, GC heap after run {GC.GetTotalMemory(false) / 1048576.0:N0} MB, " +
                      $"largest GC heap seen {gc.HeapSizeBytes / 1048576.0:N0} MB, allocated in total {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB");
    Console.WriteLine($"        live after reading (full collection when the source ended) {measured.LiveAfterReading / 1048576.0:N0} MB = {(double)measured.LiveAfterReading / report.SentMessages:N0} bytes per sent message; " +
                      $"highest sampled working set {sampler.PeakWorkingSet / 1048576.0:N0} MB at {sampler.PeakAt.TotalSeconds:0.0} s, reading ended at {measured.EndedAt.TotalSeconds:0.0} s, report done at {clock.Elapsed.TotalSeconds:0.0} s");
    Console.WriteLine($"gc:     collections gen0 {GC.CollectionCount(0):N0}, gen1 {GC.CollectionCount(1):N0}, gen2 {GC.CollectionCount(2):N0}; paused {GC.GetTotalPauseDuration().TotalSeconds:0.00} s; {parallelism} analysis workers");
}

// --html FILE: also render the page (the screenshot script uses it to look at charts with real numbers).
int htmlAt = Array.IndexOf(args, "--html");
if (htmlAt >= 0 && htmlAt + 1 < args.Length)
    await File.WriteAllTextAsync(args[htmlAt + 1], OutreachAdvisor.Reports.Output.ReportHtml.Render(report));


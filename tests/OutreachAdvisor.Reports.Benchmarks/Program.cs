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

int sent = args.Length > 0 && int.TryParse(args[0], out int n) && n > 0 ? n : 100_000;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

var mailbox = new SyntheticMailbox(sent);
TimeSpan cpu = CpuClock.Now();
var clock = Stopwatch.StartNew();
long read = 0;
OutreachReport? report = await new ReportEngine(new ReportOptions
{
    Me = SyntheticMailbox.Owner,
    Progress = count => read = count,
    ProgressInterval = 10_000,
}).RunAsync(mailbox);
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
}

// --html FILE: also render the page (the screenshot script uses it to look at charts with real numbers).
int htmlAt = Array.IndexOf(args, "--html");
if (htmlAt >= 0 && htmlAt + 1 < args.Length)
    await File.WriteAllTextAsync(args[htmlAt + 1], OutreachAdvisor.Reports.Output.ReportHtml.Render(report));


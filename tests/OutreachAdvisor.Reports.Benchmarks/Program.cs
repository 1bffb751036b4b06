using System.Diagnostics;
using System.Globalization;
using OutreachAdvisor.Reports;
using OutreachAdvisor.Reports.Benchmarks;
using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Templates;

// dotnet run -c Release --project tests/OutreachAdvisor.Reports.Benchmarks -- [10000|100000] [--html FILE]
// 1. A full report over a synthetic mailbox of N sent messages (plus received): time and peak memory.
// 2. Template clustering alone over 10,000 and 100,000 signatures: time and comparisons, to show it is not quadratic.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
int sent = args.Length > 0 && int.TryParse(args[0], out int n) && n > 0 ? n : 100_000;
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

var mailbox = new SyntheticMailbox(sent);
var clock = Stopwatch.StartNew();
long read = 0;
OutreachReport? report = await new ReportEngine(new ReportOptions
{
    Me = SyntheticMailbox.Owner,
    Progress = count => read = count,
    ProgressInterval = 10_000,
}).RunAsync(mailbox);
clock.Stop();
using (var process = Process.GetCurrentProcess())
{
    process.Refresh();
    GCMemoryInfo gc = GC.GetGCMemoryInfo();
    Console.WriteLine($"report: {report.SentMessages:N0} sent + {report.ReceivedMessages:N0} received in {clock.Elapsed.TotalSeconds:0.0} s " +
                      $"({report.SentMessages / clock.Elapsed.TotalSeconds:N0} sent messages/s)");
    Console.WriteLine($"        outreach {report.OutreachMessages:N0}, replied {report.Replied:N0} ({report.ReplyRate:P1}), average score {report.AverageScore}, " +
                      $"templates {report.Templates.Count} (campaign messages generated: {mailbox.CampaignMessages:N0}, clustered: {report.Templates.Sum(t => t.Messages):N0})");
    Console.WriteLine($"memory: peak working set {process.PeakWorkingSet64 / 1048576.0:N0} MB, GC heap after run {GC.GetTotalMemory(false) / 1048576.0:N0} MB, " +
                      $"largest GC heap seen {gc.HeapSizeBytes / 1048576.0:N0} MB, allocated in total {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB");
}

// --html FILE: also render the page (the screenshot script uses it to look at charts with real numbers).
int htmlAt = Array.IndexOf(args, "--html");
if (htmlAt >= 0 && htmlAt + 1 < args.Length)
    await File.WriteAllTextAsync(args[htmlAt + 1], OutreachAdvisor.Reports.Output.ReportHtml.Render(report));

report = null;
GC.Collect();
Console.WriteLine();
Console.WriteLine("template clustering alone (signatures made beforehand, not timed):");
double? previous = null;
foreach (int size in new[] { 10_000, 100_000 })
{
    List<uint[]?> signatures = Signatures(size);
    var clusterer = new TemplateClusterer();
    clusterer.Cluster(signatures); // warm-up: JIT and tiering
    IReadOnlyList<int[]> groups = [];
    var times = new List<double>();
    for (int run = 0; run < 5; run++)
    {
        var timer = Stopwatch.StartNew();
        groups = clusterer.Cluster(signatures);
        times.Add(timer.Elapsed.TotalMilliseconds);
    }

    double median = times.Order().ElementAt(times.Count / 2);
    string ratio = previous is { } p ? $", {median / p:0.0}x the 10k time for 10x the texts" : string.Empty;
    Console.WriteLine($"  {size,7:N0} texts: {median,7:N1} ms (median of 5), {clusterer.LastComparisons:N0} signature comparisons " +
                      $"(all pairs would be {(long)size * (size - 1) / 2:N0}), {groups.Count:N0} groups{ratio}");
    previous ??= median;
}

// The texts of a synthetic mailbox's sent messages, through the same shingling and MinHash as the engine.
static List<uint[]?> Signatures(int count)
{
    var hasher = new MinHasher();
    var signatures = new List<uint[]?>(count);
    var source = new SyntheticMailbox(count, seed: 11);
    foreach (ReportMail? mail in source.ReadAsync(DateTimeOffset.MinValue, CancellationToken.None).ToBlockingEnumerable())
    {
        if (mail.Body is not null)
            signatures.Add(hasher.Signature(TextShingler.Shingles(mail.Body, mail.To.Select(t => t.Name ?? string.Empty))));
    }

    return signatures;
}

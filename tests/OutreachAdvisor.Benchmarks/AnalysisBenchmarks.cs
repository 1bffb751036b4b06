using BenchmarkDotNet.Attributes;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Benchmarks;

/// <summary>
/// Built-in analysis of one message in process (text view + nine rules + score), no I/O.
/// Floors (issue 2): median at most 250 µs and at most 100 KB allocated for a 5 KB message.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalysisBenchmarks
{
    private MessageInput english5K = null!;
    private MessageInput italian5K = null!;
    private MessageInput html5K = null!;
    private MessageInput english50K = null!;

    [GlobalSetup]
    public void Setup()
    {
        english5K = SyntheticMessages.Create(5 * 1024, "en");
        italian5K = SyntheticMessages.Create(5 * 1024, "it");
        html5K = SyntheticMessages.Create(5 * 1024, "en", html: true);
        english50K = SyntheticMessages.Create(50 * 1024, "en");
    }

    [Benchmark(Baseline = true)]
    public AnalysisResult English5KB() => OutreachAnalyzer.Default.Analyze(english5K);

    [Benchmark]
    public AnalysisResult Italian5KB() => OutreachAnalyzer.Default.Analyze(italian5K);

    [Benchmark]
    public AnalysisResult Html5KB() => OutreachAnalyzer.Default.Analyze(html5K);

    [Benchmark]
    public AnalysisResult English50KB() => OutreachAnalyzer.Default.Analyze(english50K);
}

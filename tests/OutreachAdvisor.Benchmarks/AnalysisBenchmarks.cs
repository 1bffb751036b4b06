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
    private MessageInput _english5K = null!;
    private MessageInput _italian5K = null!;
    private MessageInput _html5K = null!;
    private MessageInput _english50K = null!;

    [GlobalSetup]
    public void Setup()
    {
        _english5K = SyntheticMessages.Create(5 * 1024, "en");
        _italian5K = SyntheticMessages.Create(5 * 1024, "it");
        _html5K = SyntheticMessages.Create(5 * 1024, "en", html: true);
        _english50K = SyntheticMessages.Create(50 * 1024, "en");
    }

    [Benchmark(Baseline = true)]
    public AnalysisResult English5KB() => OutreachAnalyzer.Default.Analyze(_english5K);

    [Benchmark]
    public AnalysisResult Italian5KB() => OutreachAnalyzer.Default.Analyze(_italian5K);

    [Benchmark]
    public AnalysisResult Html5KB() => OutreachAnalyzer.Default.Analyze(_html5K);

    [Benchmark]
    public AnalysisResult English50KB() => OutreachAnalyzer.Default.Analyze(_english50K);
}

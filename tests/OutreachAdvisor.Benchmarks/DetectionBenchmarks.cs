using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Benchmarks;

/// <summary>
/// Issue 10's speed floors: the analysis of a 5 KB English and Italian message with the learned sentence
/// detectors costs at most 3x the lexicon-only analysis (the Ratio column, per language category), and
/// allocates under 100 KB per message. Results in docs/performance.md.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DetectionBenchmarks
{
    private readonly OutreachAnalyzer _withModels = new(RuleCatalog.BuiltIn, SentenceDetectors.Default);
    private readonly OutreachAnalyzer _lexiconOnly = new(RuleCatalog.BuiltIn, SentenceDetectors.LexiconOnly);
    private MessageInput _english5K = null!;
    private MessageInput _italian5K = null!;

    [GlobalSetup]
    public void Setup()
    {
        _english5K = SyntheticMessages.Create(5 * 1024, "en");
        _italian5K = SyntheticMessages.Create(5 * 1024, "it");
    }

    [Benchmark(Baseline = true), BenchmarkCategory("en")]
    public AnalysisResult English5KBLexiconOnly() => _lexiconOnly.Analyze(_english5K);

    [Benchmark, BenchmarkCategory("en")]
    public AnalysisResult English5KBWithModels() => _withModels.Analyze(_english5K);

    [Benchmark(Baseline = true), BenchmarkCategory("it")]
    public AnalysisResult Italian5KBLexiconOnly() => _lexiconOnly.Analyze(_italian5K);

    [Benchmark, BenchmarkCategory("it")]
    public AnalysisResult Italian5KBWithModels() => _withModels.Analyze(_italian5K);
}

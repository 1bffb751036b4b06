using OutreachAdvisor.Analysis;

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>The analyzer's rules numbered as bits, so a message's fired rules fit in one uint.</summary>
internal static class RuleBits
{
    public static IReadOnlyList<string> Names { get; } = OutreachAnalyzer.Default.Rules.Select(r => r.Description.Name).ToArray();

    // Declared before NoAutomation: static fields initialise in text order.
    private static readonly Dictionary<string, int> Index = Names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    /// <summary>The contract says no-automation also fires "in reports, the same text sent to three or more recipients".</summary>
    public static uint NoAutomation { get; } = Bit("no-automation");

    public static uint Bit(string rule) => Index.TryGetValue(rule, out int i) ? 1u << i : 0;

    public static IReadOnlyList<string> NamesOf(uint mask) => Names.Where((_, i) => (mask & (1u << i)) != 0).ToArray();

    static RuleBits()
    {
        if (Names.Count > 32)
            throw new InvalidOperationException("more than 32 rules: widen the fired-rule mask");
    }
}

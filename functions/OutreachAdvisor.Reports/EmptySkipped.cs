namespace OutreachAdvisor.Reports;

/// <summary>The empty skip counts of a source that passes nothing over.</summary>
internal static class EmptySkipped
{
    public static IReadOnlyDictionary<string, int> Instance { get; } = new Dictionary<string, int>();
}

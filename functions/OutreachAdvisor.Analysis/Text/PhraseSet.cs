using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// One lexicon list (asks, offers...) as matchers. Patterns without lookarounds run on .NET's
/// non-backtracking engine, which matches a long alternation in one linear pass (about ten times
/// faster here than a backtracking alternation); the few with lookarounds run on the backtracking
/// engine. Matches are whole words.
/// </summary>
public sealed class PhraseSet
{
    private const RegexOptions Shared = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private readonly Regex? _linear;
    private readonly Regex? _backtracking;

    /// <summary>Matches nothing: the phrases of a language the analyzer does not check.</summary>
    public static PhraseSet Empty { get; } = new([]);

    public PhraseSet(IEnumerable<string> patterns)
    {
        string[] all = patterns.ToArray();
        string[] needBacktracking = all.Where(NeedsBacktracking).ToArray();
        string[] linear = all.Except(needBacktracking).ToArray();
        _linear = linear.Length == 0 ? null : new Regex(Lexicon.WordBounded(linear), Shared | RegexOptions.NonBacktracking);
        _backtracking = needBacktracking.Length == 0 ? null : new Regex(Lexicon.WordBounded(needBacktracking), Shared | Lexicon.CompileOption);
    }

    /// <summary>Every match, ordered by position.</summary>
    public IReadOnlyList<TextSpan> FindAll(ReadOnlySpan<char> text)
    {
        List<TextSpan>? spans = null;
        Collect(_linear, text, ref spans);
        int linearCount = spans?.Count ?? 0;
        Collect(_backtracking, text, ref spans);
        if (spans is null)
            return [];
        if (spans.Count > linearCount && linearCount > 0)
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    public bool IsMatch(ReadOnlySpan<char> text) => (_linear?.IsMatch(text) ?? false) || (_backtracking?.IsMatch(text) ?? false);

    private static void Collect(Regex? regex, ReadOnlySpan<char> text, ref List<TextSpan>? spans)
    {
        if (regex is null)
            return;
        foreach (ValueMatch match in regex.EnumerateMatches(text))
            (spans ??= []).Add(new TextSpan(match.Index, match.Length));
    }

    /// <summary>Lookarounds, inline options and backreferences are what the non-backtracking engine does not support.</summary>
    private static bool NeedsBacktracking(string pattern) =>
        pattern.Contains("(?<", StringComparison.Ordinal) || pattern.Contains("(?=", StringComparison.Ordinal)
        || pattern.Contains("(?!", StringComparison.Ordinal) || pattern.Contains("(?-", StringComparison.Ordinal)
        || pattern.Contains("(?i", StringComparison.Ordinal) || pattern.Contains("\\1", StringComparison.Ordinal);
}

using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis;

/// <summary>
/// The score (0-100, higher is better), documented in docs/scoring.md. Each rule that fired costs the
/// penalty of its worst finding; each further finding of the same rule costs a little more, up to twice
/// that. Penalties only add up, so more or worse findings never raise the score. The breakdown lists
/// each rule's deduction, and the score is 100 plus the breakdown, floored at 0.
/// </summary>
public static class Scoring
{
    public const int Maximum = 100;

    public static int PenaltyOf(Severity severity) => severity switch
    {
        Severity.Error => 30,
        Severity.Warning => 15,
        _ => 3,
    };

    private static int ExtraPenaltyOf(Severity severity) => severity == Severity.Info ? 1 : 5;

    public static int Score(IEnumerable<Finding> findings) => Math.Max(0, Maximum + Breakdown(findings).Sum(d => d.Points));

    /// <summary>Each rule's deduction (negative points), in the order the rules first appear.</summary>
    public static IReadOnlyList<ScoreDeduction> Breakdown(IEnumerable<Finding> findings)
    {
        var deductions = new List<ScoreDeduction>();
        foreach (IGrouping<string, Finding> rule in findings.GroupBy(f => f.Rule))
        {
            Severity[] severities = rule.Select(f => f.Severity).OrderDescending().ToArray();
            int first = PenaltyOf(severities[0]);
            int extra = severities.Skip(1).Sum(ExtraPenaltyOf);
            deductions.Add(new ScoreDeduction(rule.Key, -(first + Math.Min(extra, first))));
        }
        return deductions;
    }
}

using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>A rule's result: its check status and detail, and the findings it reports.</summary>
public sealed record RuleOutcome(CheckStatus Status, Reason Detail, IReadOnlyList<RuleFinding> Findings)
{
    /// <summary>Public http(s) pages the detail names, for the check's <c>links</c>; null when none.</summary>
    public IReadOnlyList<string>? Links { get; init; }

    public static RuleOutcome Passed(Reason detail, params IEnumerable<RuleFinding> hints) => new(CheckStatus.Passed, detail, hints.ToArray());

    public static RuleOutcome Skipped(Reason detail, params IEnumerable<RuleFinding> hints) => new(CheckStatus.Skipped, detail, hints.ToArray());

    public static RuleOutcome Failed(Reason detail, params IEnumerable<RuleFinding> findings) => new(CheckStatus.Failed, detail, findings.ToArray());

    /// <summary>Failed when any finding is a warning or worse; passed when there are only info hints.</summary>
    public static RuleOutcome From(IReadOnlyList<RuleFinding> findings, Reason failedDetail, Reason passedDetail) =>
        findings.Any(f => f.Severity >= Severity.Warning)
            ? new(CheckStatus.Failed, failedDetail, findings)
            : new(CheckStatus.Passed, passedDetail, findings);
}

namespace OutreachAdvisor.Evaluation.Scoring;

/// <summary>A case where a rule disagreed with its label: what was expected, what the analysis said, and why.</summary>
/// <param name="Findings">The rule's findings on the case (all severities), with their evidence.</param>
/// <param name="Check">The rule's check status and detail, which says why it passed or was skipped.</param>
public sealed record EvaluationFailure(
    string Id, string File, string Language, string Rule, bool Expected, bool Got,
    IReadOnlyList<FailureFinding> Findings, string Check);

/// <summary>One finding of the failing rule: its message id, severity and the quoted evidence.</summary>
public sealed record FailureFinding(string MessageId, string Severity, IReadOnlyList<string> Evidence);

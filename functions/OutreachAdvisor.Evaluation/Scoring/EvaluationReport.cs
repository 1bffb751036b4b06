namespace OutreachAdvisor.Evaluation.Scoring;

/// <summary>What <c>outreach eval</c> prints: per-language summaries, per-rule scores, and every failed (case, rule).</summary>
public sealed record EvaluationReport
{
    /// <summary>The folder evaluated, as given.</summary>
    public required string Folder { get; init; }
    public required int Cases { get; init; }
    /// <summary>Which detectors the analysis used: "models" (lexicons plus learned models) or "lexicon".</summary>
    public required string Detectors { get; init; }
    /// <summary>"all" first, then each language in the cases.</summary>
    public required IReadOnlyList<LanguageSummary> Summaries { get; init; }
    /// <summary>Per rule (catalogue order) and language ("all" first).</summary>
    public required IReadOnlyList<RuleScore> Rules { get; init; }
    public required IReadOnlyList<EvaluationFailure> Failures { get; init; }
    /// <summary>Each case's verdict per rule (whether it fired), for tools that combine verdicts; not printed.</summary>
    public IReadOnlyList<CaseOutcome> Outcomes { get; init; } = [];

    public LanguageSummary Summary(string language) => Summaries.First(s => s.Language == language);
}

/// <summary>Which rules fired (warned or erred) on one case.</summary>
public sealed record CaseOutcome(string Id, string Language, IReadOnlyDictionary<string, bool> Fired);

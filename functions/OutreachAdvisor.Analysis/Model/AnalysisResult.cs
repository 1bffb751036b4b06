using System.Text.Json.Serialization;

namespace OutreachAdvisor.Analysis.Model;

[JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
public enum Severity
{
    [JsonStringEnumMemberName("info")] Info,
    [JsonStringEnumMemberName("warning")] Warning,
    [JsonStringEnumMemberName("error")] Error,
}

[JsonConverter(typeof(JsonStringEnumConverter<CheckStatus>))]
public enum CheckStatus
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("skipped")] Skipped,
}

/// <summary>A span of the body's plain text that shows why a rule fired.</summary>
public sealed record Evidence(int Start, int Length, string Text);

/// <summary>One problem found in the message (contract sections 2, 6 and 7).</summary>
public sealed record Finding
{
    /// <summary>The most evidence spans a finding carries (contract section 6).</summary>
    public const int MaxEvidence = 20;

    public required string Rule { get; init; }
    /// <summary>The key the text was rendered from, stable across languages ("personal-greeting/placeholder").</summary>
    public required string MessageId { get; init; }
    public required Severity Severity { get; init; }
    /// <summary>A short headline for the problem, in the reader's language.</summary>
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required string Suggestion { get; init; }
    /// <summary>The recipient the finding is about when it is about exactly one; null when it is about the whole message.</summary>
    public string? Recipient { get; init; }
    /// <summary>Every recipient the finding concerns (empty when it is about the whole message).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
    /// <summary>Where the problem is, in position order: at most <see cref="MaxEvidence"/> spans.</summary>
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    /// <summary>How many places show the problem, when there are more than the evidence lists.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? EvidenceTotal { get; init; }
    /// <summary>The rule's category (added field; the contract allows additions).</summary>
    public string? Category { get; init; }
    /// <summary>The rule's doc page, relative to the add-in's origin.</summary>
    public string? HelpUri { get; init; }
    /// <summary>The named values the message was rendered from.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
    /// <summary>A safe one-click fix the add-in may offer, when the rule has one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextFix? Fix { get; init; }
}

/// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> of the plain text with <see cref="Replacement"/>.</summary>
public sealed record TextFix(string Title, int Start, int Length, string Replacement);

/// <summary>What one rule verified: passed, failed, or skipped and why.</summary>
/// <param name="DetailId">The message id the detail was rendered from.</param>
public sealed record RuleCheck(string Rule, CheckStatus Status, string Detail, string DetailId);

/// <summary>The analysis result (contract sections 2 and 6).</summary>
public sealed record AnalysisResult
{
    /// <summary>0-100, or null when nothing could be judged: an empty body, or a language that is not checked.</summary>
    public required int? Score { get; init; }
    /// <summary>How many rules ran; a client shows "partial" or "not checked" instead of a number when it is low.</summary>
    public required Coverage Coverage { get; init; }
    /// <summary>The deductions that make the score, one per rule that cost points.</summary>
    public IReadOnlyList<ScoreDeduction> ScoreBreakdown { get; init; } = [];
    /// <summary>"en", "it", or the ISO code of another language / "und" when unknown.</summary>
    public required string Language { get; init; }
    public required bool Ask { get; init; }
    /// <summary>Facts about the text: words, sentences, questions, reading ease, subject words (contract section 6).</summary>
    public MessageMetrics Metrics { get; init; } = MessageMetrics.Empty;
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<RuleCheck> Checks { get; init; }

    /// <summary>The body's plain text, which every evidence offset points into (not serialised).</summary>
    [JsonIgnore]
    public string PlainText { get; init; } = string.Empty;

    [JsonIgnore]
    public bool HasWarnings => Findings.Any(f => f.Severity >= Severity.Warning);
}

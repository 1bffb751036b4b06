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

/// <summary>One problem found in the message (contract section 2).</summary>
public sealed record Finding
{
    public required string Rule { get; init; }
    public required Severity Severity { get; init; }
    public required string Message { get; init; }
    public required string Suggestion { get; init; }
    /// <summary>The recipient the finding is about, or null when it is about the whole message.</summary>
    public string? Recipient { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
    /// <summary>The rule's category (added field; the contract allows additions).</summary>
    public string? Category { get; init; }
    /// <summary>Link to the rule's documentation page.</summary>
    public string? HelpUri { get; init; }
    /// <summary>A safe one-click fix the add-in may offer, when the rule has one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TextFix? Fix { get; init; }
}

/// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> of the plain text with <see cref="Replacement"/>.</summary>
public sealed record TextFix(string Title, int Start, int Length, string Replacement);

/// <summary>What one rule verified: passed, failed, or skipped and why.</summary>
public sealed record RuleCheck(string Rule, CheckStatus Status, string Detail);

/// <summary>The analysis result (contract section 2).</summary>
public sealed record AnalysisResult
{
    public required int Score { get; init; }
    /// <summary>"en", "it", or the ISO code of another language / "und" when unknown.</summary>
    public required string Language { get; init; }
    public required bool Ask { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }
    public required IReadOnlyList<RuleCheck> Checks { get; init; }

    [JsonIgnore]
    public bool HasWarnings => Findings.Any(f => f.Severity >= Severity.Warning);
}

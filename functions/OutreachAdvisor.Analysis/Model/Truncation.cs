using System.Text.Json.Serialization;

namespace OutreachAdvisor.Analysis.Model;

/// <summary>
/// What a bound left out of a result: the API's response caps (docs/operations.md) and the analysis's own
/// bounds (the characters it reads, its time budget). Counts only, so a client can say "and N more" or
/// "only the first N characters were read" instead of silently showing less. Null on a result that is whole.
/// </summary>
/// <param name="FindingsOmitted">Findings not listed (the least severe, last in order).</param>
/// <param name="EvidenceOmitted">Evidence spans not listed, over all findings.</param>
/// <param name="RecipientsOmitted">Recipients not listed in findings' <c>recipients</c>, over all findings.</param>
/// <param name="TextsShortened">Texts (evidence, messages, values, check details) cut to their length cap.</param>
public sealed record Truncation(int FindingsOmitted, int EvidenceOmitted, int RecipientsOmitted, int TextsShortened)
{
    /// <summary>A result the analysis cut (text not read, rules out of time) and no response cap touched yet.</summary>
    public static Truncation None { get; } = new(0, 0, 0, 0);

    /// <summary>How many characters of the new text the rules read, when that was not all of it (<see cref="TextCharacters"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TextCharactersRead { get; init; }

    /// <summary>The length of the new text (before quoted history), set with <see cref="TextCharactersRead"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? TextCharacters { get; init; }

    /// <summary>Rules not completed within the analysis's time budget (their checks say <c>skipped</c>, detail id <c>check/out-of-time</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RulesOutOfTime { get; init; }

    /// <summary>Whether the analysis itself (not a response cap) left something out.</summary>
    [JsonIgnore]
    public bool AnalysisCut => TextCharactersRead is not null || RulesOutOfTime is not null;
}

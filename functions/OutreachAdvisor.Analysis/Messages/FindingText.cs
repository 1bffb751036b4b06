namespace OutreachAdvisor.Analysis.Messages;

/// <summary>
/// What a finding says in one language: a short title, the message, the suggestion, the one-click fix's label,
/// and the message for a problem found in several places ({count} places, {more} beyond the first).
/// </summary>
public sealed record FindingText(string Title, string Message, string Suggestion, string? Fix, string? MessageMany = null);

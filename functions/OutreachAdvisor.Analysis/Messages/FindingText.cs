namespace OutreachAdvisor.Analysis.Messages;

/// <summary>What a finding says in one language: a short title, the message, the suggestion, and the one-click fix's label.</summary>
public sealed record FindingText(string Title, string Message, string Suggestion, string? Fix);

namespace OutreachAdvisor.Analysis.Model;

/// <summary>What one rule's findings cost the score (<c>scoreBreakdown</c>, contract section 6); <see cref="Points"/> is negative.</summary>
public sealed record ScoreDeduction(string Rule, int Points);

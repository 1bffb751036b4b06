
namespace OutreachAdvisor.Analysis.Rules;

/// <summary>Replace <see cref="Length"/> characters at <see cref="Start"/> of the plain text with <see cref="Replacement"/>; the label comes from the finding's "fix" text.</summary>
public sealed record RuleFix(int Start, int Length, string Replacement);

using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>What one analysis found, with the service's warnings and how the text was sent.</summary>
public sealed record LanguageAnalysis(LanguageSignals Signals, IReadOnlyList<DocumentWarning> Warnings, int DocumentCount);

namespace OutreachAdvisor.Analysis.Context;

/// <summary>An entity found in the text; <see cref="Offset"/> and <see cref="Length"/> are UTF-16 positions in the analysed text.</summary>
public sealed record TextEntity(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);

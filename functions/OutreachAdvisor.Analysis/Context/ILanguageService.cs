namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// Language signals from a cloud service (Azure AI Language) that strengthen the built-in analyzer:
/// detected language, named entities, key phrases and personal data (PII). The built-in analyzer
/// works without it; when it is configured and fails or is slow, the analysis falls back and says so.
/// </summary>
public interface ILanguageService
{
    /// <summary>A short name for <c>checks</c> and health output, e.g. "azure-ai-language".</summary>
    string Name { get; }

    /// <param name="text">The plain text of the body (offsets in the result point into it, in UTF-16 code units).</param>
    /// <param name="languageHint">The built-in detector's guess ("en", "it"), or null.</param>
    Task<LanguageSignals> AnalyzeAsync(string text, string? languageHint, CancellationToken cancellationToken);
}

/// <summary>What the language service found in one text.</summary>
/// <param name="Language">ISO 639-1 code the service detected, or null.</param>
/// <param name="Entities">Named entities (Person, Organization, Event, Product, Location, ...).</param>
/// <param name="PiiEntities">Personal data (Address, PhoneNumber, Email, Person, ...).</param>
public sealed record LanguageSignals(
    string? Language,
    double LanguageConfidence,
    IReadOnlyList<TextEntity> Entities,
    IReadOnlyList<string> KeyPhrases,
    IReadOnlyList<TextEntity> PiiEntities)
{
    public static LanguageSignals Empty { get; } = new(null, 0, [], [], []);
}

/// <summary>An entity found in the text; <see cref="Offset"/> and <see cref="Length"/> are UTF-16 positions in the analysed text.</summary>
public sealed record TextEntity(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);

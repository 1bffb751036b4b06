namespace OutreachAdvisor.Analysis.Context;

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

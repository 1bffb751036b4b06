
namespace OutreachAdvisor.Language;

public sealed record DetectedLanguageDocument(
    string Id, string? Iso6391Name, string? Name, double ConfidenceScore, string? Script, string? ScriptCode);

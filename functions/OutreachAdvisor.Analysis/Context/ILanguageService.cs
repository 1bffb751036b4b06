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

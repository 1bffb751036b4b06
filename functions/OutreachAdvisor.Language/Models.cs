using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>The analyze-text task kinds this client calls (values as documented).</summary>
public static class AnalyzeTextKind
{
    public const string LanguageDetection = "LanguageDetection";
    public const string EntityRecognition = "EntityRecognition";
    public const string KeyPhraseExtraction = "KeyPhraseExtraction";
    public const string PiiEntityRecognition = "PiiEntityRecognition";
}

/// <summary>One input document. <paramref name="Language"/> is ignored by language detection.</summary>
public sealed record TextDocument(string Id, string Text, string? Language = null);

/// <summary>A warning the service attached to one document (e.g. <c>LongWordsInDocument</c>).</summary>
public sealed record DocumentWarning(string DocumentId, string Code, string Message);

/// <summary>A document the service could not analyse (the <c>errors</c> array of a 200 response).</summary>
public sealed record DocumentError(string DocumentId, string Code, string Message, string? InnerErrorCode);

public sealed record DetectedLanguageDocument(
    string Id, string? Iso6391Name, string? Name, double ConfidenceScore, string? Script, string? ScriptCode);

/// <summary>Entities of one document; offsets are UTF-16 positions in that document's text.</summary>
public sealed record EntitiesDocument(string Id, IReadOnlyList<TextEntity> Entities);

/// <summary>PII entities of one document; offsets are UTF-16 positions in that document's text.</summary>
public sealed record PiiEntitiesDocument(string Id, string? RedactedText, IReadOnlyList<TextEntity> Entities);

public sealed record KeyPhrasesDocument(string Id, IReadOnlyList<string> KeyPhrases);

/// <summary>
/// The result of one client operation over any number of documents (sent in as many requests as the limits need).
/// <see cref="Documents"/> follow the input order; documents in <see cref="Errors"/> are not in it.
/// </summary>
public sealed record AnalyzeTextResult<T>(
    IReadOnlyList<T> Documents,
    IReadOnlyList<DocumentError> Errors,
    IReadOnlyList<DocumentWarning> Warnings,
    string? ModelVersion,
    int RequestCount);


namespace OutreachAdvisor.Language;

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

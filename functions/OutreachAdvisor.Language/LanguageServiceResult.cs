using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Language;

/// <summary>
/// A language-service call that does not throw for service failures, for callers that fall back to the
/// built-in analyzer and say so in <c>checks</c>. The caller's own cancellation still throws.
/// </summary>
/// <param name="Signals">The signals, or null when the service failed.</param>
/// <param name="FailureReason">A one-line reason for <c>checks</c>, e.g. "azure-ai-language: 429 TooManyRequests".</param>
public sealed record LanguageServiceResult(LanguageSignals? Signals, string? FailureReason)
{
    public bool Succeeded => Signals is not null;

    public static async Task<LanguageServiceResult> TryAnalyzeAsync(
        ILanguageService service, string text, string? languageHint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        try
        {
            return new(await service.AnalyzeAsync(text, languageHint, cancellationToken).ConfigureAwait(false), null);
        }
        catch (LanguageServiceException ex)
        {
            string status = ex.Status == 0 ? "" : $"{ex.Status} ";
            return new(null, $"{service.Name}: {status}{ex.ErrorCode ?? "error"}");
        }
    }
}

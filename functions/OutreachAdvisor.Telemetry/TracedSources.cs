using System.Diagnostics;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Telemetry;

/// <summary>
/// Wraps the context stage's sources so each call is a span (<c>context.mailbox.*</c>, <c>context.language</c>,
/// <c>context.found_at</c>) and failures and time-outs are counted. Tags carry provider names and outcomes only.
/// </summary>
public static class TracedSources
{
    public static ContextSources Wrap(ContextSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        return sources with
        {
            Mailbox = sources.Mailbox is null or TracedMailbox ? sources.Mailbox : new TracedMailbox(sources.Mailbox),
            Language = sources.Language is null or TracedLanguage ? sources.Language : new TracedLanguage(sources.Language),
            FoundAt = sources.FoundAt is null or TracedFoundAt ? sources.FoundAt : new TracedFoundAt(sources.FoundAt),
        };
    }

    internal static async Task<T> RunAsync<T>(string span, string providerKind, string provider, Func<Task<T>> call, Action<Activity?, T>? describe = null)
    {
        using Activity? activity = OutreachTelemetry.Source.StartActivity(span, ActivityKind.Internal);
        activity?.SetTag("outreach.provider", provider);
        try
        {
            T result = await call().ConfigureAwait(false);
            describe?.Invoke(activity, result);
            return result;
        }
        catch (Exception error)
        {
            bool timeout = OutreachTelemetry.IsTimeout(error);
            var providerTag = new KeyValuePair<string, object?>("provider", providerKind);
            if (timeout)
                OutreachTelemetry.ProviderTimeouts.Add(1, providerTag);
            OutreachTelemetry.ProviderFallbacks.Add(1, providerTag, new KeyValuePair<string, object?>("reason", timeout ? "timeout" : "failed"));
            activity?.SetTag("outreach.outcome", timeout ? "timeout" : "failed");
            OutreachTelemetry.Fail(activity, error);
            throw;
        }
    }
}

internal sealed class TracedMailbox(IMailbox inner) : IMailbox
{
    public string Name => inner.Name;

    public Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken) =>
        TracedSources.RunAsync("context.mailbox.history", "mailbox", inner.Name, () => inner.GetHistoryAsync(sender, recipient, cancellationToken));

    public Task<IReadOnlyList<RecipientHistory>> GetHistoriesAsync(string sender, IReadOnlyList<string> recipients, CancellationToken cancellationToken) =>
        TracedSources.RunAsync("context.mailbox.histories", "mailbox", inner.Name, () => inner.GetHistoriesAsync(sender, recipients, cancellationToken),
            (activity, histories) => activity?.SetTag("outreach.recipients", histories.Count));

    public Task<bool> IsContactAsync(string address, CancellationToken cancellationToken) =>
        TracedSources.RunAsync("context.mailbox.contact", "mailbox", inner.Name, () => inner.IsContactAsync(address, cancellationToken));

    public Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken) =>
        TracedSources.RunAsync("context.mailbox.organization", "mailbox", inner.Name, () => inner.GetOrganizationDomainsAsync(sender, cancellationToken));
}

internal sealed class TracedLanguage(ILanguageService inner) : ILanguageService
{
    public string Name => inner.Name;

    public Task<LanguageSignals> AnalyzeAsync(string text, string? languageHint, CancellationToken cancellationToken) =>
        TracedSources.RunAsync("context.language", "language", inner.Name, () => inner.AnalyzeAsync(text, languageHint, cancellationToken));
}

internal sealed class TracedFoundAt(IFoundAtChecker inner) : IFoundAtChecker
{
    public async Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken)
    {
        using Activity? activity = OutreachTelemetry.Source.StartActivity("context.found_at", ActivityKind.Internal);
        string outcome = "failed";
        try
        {
            FoundAtVerdict verdict = await inner.CheckAsync(address, source, cancellationToken).ConfigureAwait(false);
            outcome = verdict.Status switch
            {
                FoundAtStatus.Listed => "listed",
                FoundAtStatus.NotListed => "not-listed",
                _ => "unavailable",
            };
            return verdict;
        }
        catch (Exception error)
        {
            outcome = OutreachTelemetry.IsTimeout(error) ? "timeout" : "failed";
            OutreachTelemetry.Fail(activity, error);
            throw;
        }
        finally
        {
            activity?.SetTag("outreach.outcome", outcome);
            OutreachTelemetry.FoundAtChecks.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}

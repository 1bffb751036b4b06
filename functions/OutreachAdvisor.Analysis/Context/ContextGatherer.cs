using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>The I/O sources the context stage may use; any of them may be absent.</summary>
public sealed record ContextSources
{
    public IMailbox? Mailbox { get; init; }
    public IFoundAtChecker? FoundAt { get; init; }
    public ILanguageService? Language { get; init; }
    /// <summary>Budget for all mailbox look-ups of one analysis; past it the mailbox rules are skipped, not waited for.</summary>
    public TimeSpan MailboxTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Budget for each found-at page (the fetcher has its own 5 s limit too).</summary>
    public TimeSpan FoundAtTimeout { get; init; } = TimeSpan.FromSeconds(6);
    /// <summary>Budget for the language service; past it the built-in analyzer is used alone.</summary>
    public TimeSpan LanguageTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static ContextSources None { get; } = new();
}

/// <summary>
/// The one stage that does I/O: asks the mailbox about every recipient and checks every found-at
/// page, all concurrently and each within its budget. A source that fails or is too slow leaves its
/// facts empty with the reason, and the rules that needed them report <c>skipped</c>.
/// </summary>
public static class ContextGatherer
{
    public static async Task<AnalysisContext> GatherAsync(MessageInput message, ContextSources sources, CancellationToken cancellationToken)
    {
        EmailAddress[] recipients = message.AllRecipients.ToArray();
        Task<MailboxFacts> mailbox = sources.Mailbox is null
            ? Task.FromResult(MailboxFacts.Unavailable(null))
            : ReadMailboxAsync(sources.Mailbox, message, recipients, sources.MailboxTimeout, cancellationToken);
        Task<FoundAtVerdict?>[] foundAt = recipients
            .Select(r => CheckFoundAtAsync(sources.FoundAt, r.Address, AnalysisContext.FoundAtFor(message, r), sources.FoundAtTimeout, cancellationToken))
            .ToArray();

        Task<(LanguageSignals?, string?)> language = sources.Language is null
            ? Task.FromResult<(LanguageSignals?, string?)>((null, null))
            : AnalyzeLanguageAsync(sources.Language, message, sources.LanguageTimeout, cancellationToken);

        MailboxFacts facts = await mailbox.ConfigureAwait(false);
        FoundAtVerdict?[] verdicts = await Task.WhenAll(foundAt).ConfigureAwait(false);
        (LanguageSignals? signals, string? languageProblem) = await language.ConfigureAwait(false);
        IReadOnlyCollection<string> organization = facts.OrganizationDomains ?? AnalysisContext.SenderDomains(message);

        IEnumerable<RecipientFacts> recipientFacts = recipients.Select((r, i) => new RecipientFacts
        {
            Recipient = r,
            History = facts.Histories?[i],
            IsContact = facts.Contacts?[i],
            IsSameOrganization = AnalysisContext.IsInDomains(organization, r.Domain),
            FoundAtSource = AnalysisContext.FoundAtFor(message, r),
            FoundAt = verdicts[i],
        });
        return new AnalysisContext(recipientFacts, organization, sources.Mailbox?.Name, facts.UnavailableReason)
        {
            LanguageService = sources.Language?.Name,
            LanguageSignals = signals,
            LanguageUnavailableReason = languageProblem,
        };
    }

    private sealed record MailboxFacts(RecipientHistory[]? Histories, bool[]? Contacts, IReadOnlyCollection<string>? OrganizationDomains, string? UnavailableReason)
    {
        public static MailboxFacts Unavailable(string? reason) => new(null, null, null, reason);
    }

    private static async Task<MailboxFacts> ReadMailboxAsync(IMailbox mailbox, MessageInput message, EmailAddress[] recipients, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string sender = message.From?.Address.Trim() ?? string.Empty;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        CancellationToken token = budget.Token;
        try
        {
            Task<IReadOnlyCollection<string>> organization = mailbox.GetOrganizationDomainsAsync(sender, token);
            Task<IReadOnlyList<RecipientHistory>> histories = mailbox.GetHistoriesAsync(sender, recipients.Select(r => r.Address.Trim()).ToArray(), token);
            Task<bool[]> contacts = Task.WhenAll(recipients.Select(r => mailbox.IsContactAsync(r.Address.Trim(), token)));
            await Task.WhenAll(organization, histories, contacts).WaitAsync(token).ConfigureAwait(false);
            return new MailboxFacts([.. histories.Result], contacts.Result, organization.Result, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return MailboxFacts.Unavailable($"the mailbox ({mailbox.Name}) did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return MailboxFacts.Unavailable($"the mailbox ({mailbox.Name}) could not be read: {FirstLine(error.Message)}");
        }
    }

    private static async Task<(LanguageSignals?, string?)> AnalyzeLanguageAsync(ILanguageService service, MessageInput message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            string text = Text.PlainText.Of(message);
            return (await service.AnalyzeAsync(text, null, budget.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"{service.Name} did not answer within {timeout.TotalSeconds:0.#} s; the built-in analyzer was used");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (null, $"{service.Name} failed ({FirstLine(error.Message)}); the built-in analyzer was used");
        }
    }

    private static async Task<FoundAtVerdict?> CheckFoundAtAsync(IFoundAtChecker? checker, string address, string? source, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (source is null)
            return null;
        if (checker is null)
            return new FoundAtVerdict(FoundAtStatus.Unavailable, "found-at pages are not checked here");
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            return await checker.CheckAsync(address, source, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FoundAtVerdict(FoundAtStatus.Unavailable, $"the page did not answer within {timeout.TotalSeconds:0.#} s");
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new FoundAtVerdict(FoundAtStatus.Unavailable, $"the page could not be checked: {FirstLine(error.Message)}");
        }
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

using System.Globalization;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// The one stage that does I/O: asks the mailbox about every recipient and checks every found-at
/// page, all concurrently and each within its budget. A source that fails or is too slow leaves its
/// facts empty with the reason (an id the reader's language renders), and the rules that needed them
/// report <c>skipped</c>.
/// </summary>
public static class ContextGatherer
{
    /// <param name="plainText">The body's plain text, computed once per analysis; the language service reads it.</param>
    public static async Task<AnalysisContext> GatherAsync(MessageInput message, string plainText, ContextSources sources, CancellationToken cancellationToken)
    {
        EmailAddress[] recipients = message.AllRecipients.ToArray();
        Task<MailboxFacts> mailbox = sources.Mailbox is null
            ? Task.FromResult(MailboxFacts.Unavailable(null))
            : ReadMailboxAsync(sources.Mailbox, message, recipients, sources.MailboxTimeout, cancellationToken);
        Task<FoundAtVerdict?>[] foundAt = recipients
            .Select(r => CheckFoundAtAsync(sources.FoundAt, r.Address, message.FoundAtFor(r), sources.FoundAtTimeout, cancellationToken))
            .ToArray();

        Task<(LanguageSignals?, Reason?)> language = sources.Language is null
            ? Task.FromResult<(LanguageSignals?, Reason?)>((null, null))
            : AnalyzeLanguageAsync(sources.Language, plainText, sources.LanguageTimeout, cancellationToken);

        MailboxFacts facts = await mailbox.ConfigureAwait(false);
        FoundAtVerdict?[] verdicts = await Task.WhenAll(foundAt).ConfigureAwait(false);
        (LanguageSignals? signals, Reason? languageProblem) = await language.ConfigureAwait(false);
        Organization organization = facts.OrganizationDomains is { } domains ? new Organization(domains) : Organization.OfSender(message.From);

        IEnumerable<RecipientFacts> recipientFacts = recipients.Select((r, i) => new RecipientFacts
        {
            Recipient = r,
            History = facts.Histories?[i],
            IsContact = facts.Contacts?[i],
            FoundAtSource = message.FoundAtFor(r),
            FoundAt = verdicts[i],
        });
        return new AnalysisContext(recipientFacts, organization, sources.Mailbox?.Name, facts.UnavailableReason)
        {
            LanguageService = sources.Language?.Name,
            LanguageSignals = signals,
            LanguageUnavailableReason = languageProblem,
        };
    }

    private sealed record MailboxFacts(RecipientHistory[]? Histories, bool[]? Contacts, IReadOnlyCollection<string>? OrganizationDomains, Reason? UnavailableReason)
    {
        public static MailboxFacts Unavailable(Reason? reason) => new(null, null, null, reason);
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
            return MailboxFacts.Unavailable(Reason.With("mailbox/timeout", ("provider", mailbox.Name), ("seconds", Seconds(timeout))));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return MailboxFacts.Unavailable(Reason.With("mailbox/failed", ("provider", mailbox.Name)));
        }
    }

    private static async Task<(LanguageSignals?, Reason?)> AnalyzeLanguageAsync(ILanguageService service, string plainText, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            return (await service.AnalyzeAsync(plainText, null, budget.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, Reason.With("language/timeout", ("service", service.Name), ("seconds", Seconds(timeout))));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (null, Reason.With("language/failed", ("service", service.Name)));
        }
    }

    private static async Task<FoundAtVerdict?> CheckFoundAtAsync(IFoundAtChecker? checker, string address, string? source, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (source is null)
            return null;
        if (checker is null)
            return new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/not-checked-here"));
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(timeout);
        try
        {
            return await checker.CheckAsync(address, source, budget.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FoundAtVerdict(FoundAtStatus.Unavailable, Reason.With("found-at/timeout", ("seconds", Seconds(timeout))));
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/failed"));
        }
    }

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

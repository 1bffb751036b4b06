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
        Task<FoundAtVerdict?[]> foundAt = CheckFoundAtAsync(sources, message, recipients, cancellationToken);

        Task<(LanguageSignals?, Reason?)> language = sources.Language is null
            ? Task.FromResult<(LanguageSignals?, Reason?)>((null, null))
            : AnalyzeLanguageAsync(sources.Language, plainText, sources.LanguageTimeout, cancellationToken);

        MailboxFacts facts = await mailbox.ConfigureAwait(false);
        FoundAtVerdict?[] verdicts = await foundAt.ConfigureAwait(false);
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

    /// <summary>
    /// The verdicts on the pages the sender gave, per recipient (null: none given), in one call, so the
    /// checker can read each distinct page once and cap the pages one message makes it read.
    /// </summary>
    private static async Task<FoundAtVerdict?[]> CheckFoundAtAsync(ContextSources sources, MessageInput message, EmailAddress[] recipients, CancellationToken cancellationToken)
    {
        var verdicts = new FoundAtVerdict?[recipients.Length];
        var queries = new List<FoundAtQuery>();
        var positions = new List<int>();
        for (int i = 0; i < recipients.Length; i++)
        {
            if (message.FoundAtFor(recipients[i]) is not { } source)
                continue;
            if (sources.FoundAt is null)
            {
                verdicts[i] = new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/not-checked-here"));
                continue;
            }
            queries.Add(new FoundAtQuery(recipients[i].Address, source));
            positions.Add(i);
        }

        if (queries.Count == 0)
            return verdicts;
        IReadOnlyList<FoundAtVerdict> answers;
        try
        {
            answers = await sources.FoundAt!.CheckAllAsync(queries, sources.FoundAtTimeout, cancellationToken)
                .WaitAsync(sources.FoundAtTimeout + FoundAtGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            answers = queries.Select(_ => FoundAtBudget.TimedOut(sources.FoundAtTimeout)).ToArray();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            answers = queries.Select(_ => new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/failed"))).ToArray();
        }

        for (int q = 0; q < positions.Count; q++)
            verdicts[positions[q]] = q < answers.Count ? answers[q] : new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/failed"));
        return verdicts;
    }

    /// <summary>A checker is given its budget; past it by this much, the stage stops waiting for it anyway.</summary>
    private static readonly TimeSpan FoundAtGrace = TimeSpan.FromMilliseconds(500);

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

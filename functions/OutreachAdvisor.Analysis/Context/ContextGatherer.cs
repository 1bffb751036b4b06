using System.Diagnostics;
using System.Globalization;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.ListedAddress;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// The one stage that does I/O: asks the mailbox about every recipient and checks every found-at
/// page, all concurrently and each within its budget. A source that fails or is too slow leaves its
/// facts empty with the reason (an id the reader's language renders), and the rules that needed them
/// report <c>skipped</c>. Discovery (looking for an address on its organisation's site) waits for the
/// mailbox, because only cold recipients are looked up, and ends within the found-at budget.
/// </summary>
public static class ContextGatherer
{
    /// <summary>A checker is given its budget; past it by this much, the stage stops waiting for it anyway.</summary>
    private static readonly TimeSpan FoundAtGrace = TimeSpan.FromMilliseconds(500);

    /// <param name="plainText">The body's plain text, computed once per analysis; the language service reads it.</param>
    public static async Task<AnalysisContext> GatherAsync(MessageInput message, string plainText, ContextSources sources, CancellationToken cancellationToken)
    {
        long started = Stopwatch.GetTimestamp();
        EmailAddress[] recipients = message.AllRecipients.ToArray();
        Task<MailboxFacts> mailbox = sources.Mailbox is null
            ? Task.FromResult(MailboxFacts.Unavailable(null))
            : ReadMailboxAsync(sources.Mailbox, message, recipients, sources.MailboxTimeout, cancellationToken);
        Task<FoundAtVerdict?[]> foundAt = CheckFoundAtAsync(sources, message, recipients, cancellationToken);

        Task<(LanguageSignals?, Reason?)> language = sources.Language is null
            ? Task.FromResult<(LanguageSignals?, Reason?)>((null, null))
            : AnalyzeLanguageAsync(sources.Language, plainText, sources.LanguageTimeout, cancellationToken);

        MailboxFacts facts = await mailbox.ConfigureAwait(false);
        Organization organization = facts.OrganizationDomains is { } domains ? new Organization(domains) : Organization.OfSender(message.From);
        Task<FoundAtVerdict?[]> discovered = DiscoverAsync(sources, message, recipients, facts, organization, sources.FoundAtTimeout - Stopwatch.GetElapsedTime(started), cancellationToken);
        FoundAtVerdict?[] verdicts = await foundAt.ConfigureAwait(false);
        FoundAtVerdict?[] found = await discovered.ConfigureAwait(false);
        for (int i = 0; i < verdicts.Length; i++)
            verdicts[i] ??= found[i];
        (LanguageSignals? signals, Reason? languageProblem) = await language.ConfigureAwait(false);

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
            // A role address (info@, press@...) is listed by nature: there is nothing to read.
            if (message.FoundAtFor(recipients[i]) is not { } source || ListedAddressRule.IsRoleAddress(recipients[i]))
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

    /// <summary>
    /// Discovery verdicts for the recipients it applies to (null for the others): cold recipients (outside
    /// the organisation, not a contact, no two-way mail) at an organisation's domain (not webmail),
    /// without a found-at page and not a role address. Waits at most <see cref="ContextSources.DiscoveryWait"/>
    /// and never past the stage's found-at budget (<paramref name="left"/>); what is not done by then is
    /// "still looking", and the look-up finishes in the background for the next check.
    /// </summary>
    private static async Task<FoundAtVerdict?[]> DiscoverAsync(ContextSources sources, MessageInput message, EmailAddress[] recipients, MailboxFacts facts,
        Organization organization, TimeSpan left, CancellationToken cancellationToken)
    {
        var verdicts = new FoundAtVerdict?[recipients.Length];
        if (sources.Discovery is not { } discovery)
            return verdicts;
        var wanted = Enumerable.Range(0, recipients.Length).Where(i =>
            message.FoundAtFor(recipients[i]) is null
            && !organization.Contains(recipients[i])
            && facts.Contacts?[i] != true
            && facts.Histories?[i] is not { HasTwoWayContact: true }
            && recipients[i].Domain.Length > 0 && !PublicMailDomains.Contains(recipients[i].Domain)
            && !ListedAddressRule.IsRoleAddress(recipients[i])).ToList();
        if (wanted.Count == 0)
            return verdicts;

        TimeSpan wait = left < sources.DiscoveryWait ? left : sources.DiscoveryWait;
        if (wait < TimeSpan.Zero)
            wait = TimeSpan.Zero;
        IReadOnlyList<FoundAtVerdict> answers;
        try
        {
            answers = await discovery.DiscoverAsync(wanted.Select(i => recipients[i].Address).ToArray(), wait, cancellationToken)
                .WaitAsync(wait + FoundAtGrace, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            answers = wanted.Select(i => new FoundAtVerdict(FoundAtStatus.Unavailable, Reason.With("discovery/still-looking", ("domain", recipients[i].Domain))) { Discovered = true, Domain = recipients[i].Domain }).ToArray();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            answers = wanted.Select(_ => new FoundAtVerdict(FoundAtStatus.Unavailable, new Reason("found-at/failed")) { Discovered = true }).ToArray();
        }

        for (int w = 0; w < wanted.Count; w++)
            verdicts[wanted[w]] = w < answers.Count ? answers[w] : null;
        return verdicts;
    }

    private static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
}

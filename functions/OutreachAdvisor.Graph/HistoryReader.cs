using Microsoft.Graph.Models;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph;

/// <summary>
/// Reads the received-from (and, when configured, sent-to) messages of several recipients: the first pages
/// together (one JSON batch, or concurrent requests), then any further pages one by one up to the cap.
/// A failed step degrades the answer instead of failing it where the answer survives: a refused sent-items
/// query leaves <c>SentTo</c> at 0, a failed later page keeps what the earlier pages showed. Only a failed
/// received-from first page fails the read, since two-way contact is decided from it.
/// </summary>
internal sealed class HistoryReader(GraphQueries queries, GraphSender sender, GraphMailboxOptions options, CallBudget budget)
{
    public async Task<Dictionary<string, RecipientHistory>> ReadAsync(IReadOnlyList<string> recipients)
    {
        bool querySent = options.SentItemsQuery != SentItemsQuery.NotQueried;
        // Step ids "r0", "s0", "r1"... : received from / sent to recipient i.
        var steps = new Dictionary<string, BatchStep>(StringComparer.Ordinal);
        for (int i = 0; i < recipients.Count; i++)
        {
            steps[$"r{i}"] = new BatchStep($"messages from {recipients[i]}", queries.ReceivedFrom(recipients[i]));
            if (querySent)
                steps[$"s{i}"] = new BatchStep($"sent items to {recipients[i]}", queries.SentTo(recipients[i]));
        }
        BatchOutcome<MessageCollectionResponse> firstPages = options.UseJsonBatch
            ? await sender.SendBatchAsync<MessageCollectionResponse>(steps, budget).ConfigureAwait(false)
            : await SendEachAsync(steps).ConfigureAwait(false);

        var result = new Dictionary<string, RecipientHistory>(StringComparer.Ordinal);
        for (int i = 0; i < recipients.Count; i++)
        {
            if (firstPages.Failures.TryGetValue($"r{i}", out GraphMailboxException? failure))
                throw failure;
            List<Message> received = await AllPagesAsync(steps[$"r{i}"].Label, firstPages.Results[$"r{i}"]).ConfigureAwait(false);
            List<Message> sent = querySent && firstPages.Results.TryGetValue($"s{i}", out MessageCollectionResponse? sentPage)
                ? await AllPagesAsync(steps[$"s{i}"].Label, sentPage).ConfigureAwait(false)
                : [];
            result[recipients[i]] = HistoryTally.Count(recipients[i], received, sent);
        }
        return result;
    }

    private async Task<BatchOutcome<MessageCollectionResponse>> SendEachAsync(Dictionary<string, BatchStep> steps)
    {
        (string Key, MessageCollectionResponse? Page, GraphMailboxException? Failure)[] answers = await Task.WhenAll(steps.Select(async step =>
        {
            try
            {
                MessageCollectionResponse page = await sender.SendAsync(
                    step.Value.Label, step.Value.Request, MessageCollectionResponse.CreateFromDiscriminatorValue, budget).ConfigureAwait(false);
                return (step.Key, (MessageCollectionResponse?)page, (GraphMailboxException?)null);
            }
            catch (GraphMailboxException error)
            {
                return (step.Key, null, error);
            }
        })).ConfigureAwait(false);
        return new BatchOutcome<MessageCollectionResponse>(
            answers.Where(a => a.Page is not null).ToDictionary(a => a.Key, a => a.Page!, StringComparer.Ordinal),
            answers.Where(a => a.Failure is not null).ToDictionary(a => a.Key, a => a.Failure!, StringComparer.Ordinal));
    }

    /// <summary>Follows <c>@odata.nextLink</c> until the cap; never asks for a page it would not use. A failed page ends the walk.</summary>
    private async Task<List<Message>> AllPagesAsync(string label, MessageCollectionResponse first)
    {
        var messages = new List<Message>();
        MessageCollectionResponse page = first;
        while (true)
        {
            messages.AddRange((page.Value ?? []).Take(options.MaxMessagesPerQuery - messages.Count));
            if (messages.Count >= options.MaxMessagesPerQuery || string.IsNullOrEmpty(page.OdataNextLink))
                return messages;
            try
            {
                page = await sender.SendAsync(label, queries.NextPage(page.OdataNextLink), MessageCollectionResponse.CreateFromDiscriminatorValue, budget)
                    .ConfigureAwait(false);
            }
            catch (GraphMailboxException)
            {
                // The counts are "at least" values past the first page anyway; what was read still holds.
                return messages;
            }
        }
    }
}

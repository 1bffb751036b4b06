using Microsoft.Graph.Models;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph;

/// <summary>
/// Reads the received-from and sent-to messages of several recipients: the first pages together
/// (one JSON batch, or concurrent requests), then any further pages one by one up to the cap.
/// </summary>
internal sealed class HistoryReader(GraphQueries queries, GraphSender sender, GraphMailboxOptions options, CallBudget budget)
{
    public async Task<Dictionary<string, RecipientHistory>> ReadAsync(IReadOnlyList<string> recipients)
    {
        // Step ids "r0", "s0", "r1"... : received from / sent to recipient i.
        var steps = new Dictionary<string, BatchStep>(StringComparer.Ordinal);
        for (int i = 0; i < recipients.Count; i++)
        {
            steps[$"r{i}"] = new BatchStep($"messages from {recipients[i]}", queries.ReceivedFrom(recipients[i]));
            steps[$"s{i}"] = new BatchStep($"sent items to {recipients[i]}", queries.SentTo(recipients[i]));
        }
        Dictionary<string, MessageCollectionResponse> firstPages = options.UseJsonBatch
            ? await sender.SendBatchAsync<MessageCollectionResponse>(steps, budget).ConfigureAwait(false)
            : await SendEachAsync(steps).ConfigureAwait(false);

        var result = new Dictionary<string, RecipientHistory>(StringComparer.Ordinal);
        for (int i = 0; i < recipients.Count; i++)
        {
            List<Message> received = await AllPagesAsync(steps[$"r{i}"].Label, firstPages[$"r{i}"]).ConfigureAwait(false);
            List<Message> sent = await AllPagesAsync(steps[$"s{i}"].Label, firstPages[$"s{i}"]).ConfigureAwait(false);
            result[recipients[i]] = HistoryTally.Count(recipients[i], received, sent);
        }
        return result;
    }

    private async Task<Dictionary<string, MessageCollectionResponse>> SendEachAsync(Dictionary<string, BatchStep> steps)
    {
        (string Key, MessageCollectionResponse Page)[] pages = await Task.WhenAll(steps.Select(async step => (step.Key, Page: await sender.SendAsync(
            step.Value.Label, step.Value.Request, MessageCollectionResponse.CreateFromDiscriminatorValue, budget).ConfigureAwait(false)))).ConfigureAwait(false);
        return pages.ToDictionary(p => p.Key, p => p.Page, StringComparer.Ordinal);
    }

    /// <summary>Follows <c>@odata.nextLink</c> until the cap; never asks for a page it would not use.</summary>
    private async Task<List<Message>> AllPagesAsync(string label, MessageCollectionResponse first)
    {
        var messages = new List<Message>();
        MessageCollectionResponse page = first;
        while (true)
        {
            messages.AddRange((page.Value ?? []).Take(options.MaxMessagesPerQuery - messages.Count));
            if (messages.Count >= options.MaxMessagesPerQuery || string.IsNullOrEmpty(page.OdataNextLink))
                return messages;
            page = await sender.SendAsync(label, queries.NextPage(page.OdataNextLink), MessageCollectionResponse.CreateFromDiscriminatorValue, budget)
                .ConfigureAwait(false);
        }
    }
}

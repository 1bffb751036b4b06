using Microsoft.Graph.Models;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph;

/// <summary>
/// Counts one recipient's history from the two message lists Graph returned. Each message is checked
/// again here (the server's search may match display names or aliases, and a fake or changed server
/// must not inflate counts), and counted once however often it appears.
/// </summary>
internal static class HistoryTally
{
    public static RecipientHistory Count(string recipient, IEnumerable<Message> received, IEnumerable<Message> sent)
    {
        Message[] fromThem = received
            .Where(m => SameAddress(m.From?.EmailAddress?.Address, recipient))
            .DistinctBy(m => m.Id ?? Guid.NewGuid().ToString())
            .ToArray();
        Message[] toThem = sent
            .Where(m => Recipients(m).Any(address => SameAddress(address, recipient)))
            .DistinctBy(m => m.Id ?? Guid.NewGuid().ToString())
            .ToArray();

        // A thread where both wrote: one of their messages and one of ours share a conversationId.
        var theirThreads = fromThem.Select(m => m.ConversationId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        int twoWay = toThem.Select(m => m.ConversationId).OfType<string>().Distinct(StringComparer.Ordinal).Count(theirThreads.Contains);
        return new RecipientHistory(toThem.Length, fromThem.Length, twoWay);
    }

    private static IEnumerable<string?> Recipients(Message message) =>
        (message.ToRecipients ?? []).Concat(message.CcRecipients ?? []).Select(r => r.EmailAddress?.Address);

    internal static bool SameAddress(string? a, string b) =>
        a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}

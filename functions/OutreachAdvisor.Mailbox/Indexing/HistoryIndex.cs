using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Mailbox.Indexing;

/// <summary>
/// Counters built once from the header records so that a history is a few dictionary lookups,
/// not a scan of the mailbox: the HTTP server asks for one per recipient per request.
/// </summary>
internal sealed class HistoryIndex
{
    private readonly Dictionary<(string Sender, string Recipient), int> sentCounts = [];
    private readonly Dictionary<string, int> authoredCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> threadsByAuthor = new(StringComparer.Ordinal);

    public HistoryIndex(IEnumerable<MailHeaderRecord> messages)
    {
        foreach (var message in messages)
        {
            Increment(authoredCounts, message.From);
            foreach (var recipient in message.Recipients)
            {
                Increment(sentCounts, (message.From, recipient));
            }

            if (!threadsByAuthor.TryGetValue(message.From, out var threads))
            {
                threads = new HashSet<string>(StringComparer.Ordinal);
                threadsByAuthor[message.From] = threads;
            }

            threads.Add(message.ThreadId);
        }
    }

    public RecipientHistory Get(string sender, string recipient)
    {
        var from = MailAddress.Normalize(sender);
        var to = MailAddress.Normalize(recipient);
        return new RecipientHistory(
            SentTo: sentCounts.GetValueOrDefault((from, to)),
            ReceivedFrom: authoredCounts.GetValueOrDefault(to),
            TwoWayThreads: SharedThreadCount(from, to));
    }

    /// <summary>Threads both addresses wrote in: walks the smaller author set, looks up in the larger.</summary>
    private int SharedThreadCount(string first, string second)
    {
        if (!threadsByAuthor.TryGetValue(first, out var a) || !threadsByAuthor.TryGetValue(second, out var b))
        {
            return 0;
        }

        var (smaller, larger) = a.Count <= b.Count ? (a, b) : (b, a);
        return smaller.Count(larger.Contains);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}

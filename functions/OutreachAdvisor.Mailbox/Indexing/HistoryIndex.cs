using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Mailbox.Indexing;

/// <summary>
/// Counters built once from the header records so that a history is a few dictionary lookups,
/// not a scan of the mailbox: the HTTP server asks for one per recipient per request.
/// </summary>
internal sealed class HistoryIndex
{
    private readonly Dictionary<(string Sender, string Recipient), int> _sentCounts = [];
    private readonly Dictionary<string, int> _authoredCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _threadsByAuthor = new(StringComparer.Ordinal);

    public HistoryIndex(IEnumerable<MailHeaderRecord> messages)
    {
        foreach (MailHeaderRecord message in messages)
        {
            Increment(_authoredCounts, message.From);
            foreach (string recipient in message.Recipients)
            {
                Increment(_sentCounts, (message.From, recipient));
            }

            if (!_threadsByAuthor.TryGetValue(message.From, out HashSet<string>? threads))
            {
                threads = new HashSet<string>(StringComparer.Ordinal);
                _threadsByAuthor[message.From] = threads;
            }

            threads.Add(message.ThreadId);
        }
    }

    public RecipientHistory Get(string sender, string recipient)
    {
        string from = MailAddress.Normalize(sender);
        string to = MailAddress.Normalize(recipient);
        return new RecipientHistory(
            SentTo: _sentCounts.GetValueOrDefault((from, to)),
            ReceivedFrom: _authoredCounts.GetValueOrDefault(to),
            TwoWayThreads: SharedThreadCount(from, to));
    }

    /// <summary>Threads both addresses wrote in: walks the smaller author set, looks up in the larger.</summary>
    private int SharedThreadCount(string first, string second)
    {
        if (!_threadsByAuthor.TryGetValue(first, out HashSet<string>? a) || !_threadsByAuthor.TryGetValue(second, out HashSet<string>? b))
        {
            return 0;
        }

        (HashSet<string>? smaller, HashSet<string>? larger) = a.Count <= b.Count ? (a, b) : (b, a);
        return smaller.Count(larger.Contains);
    }

    private static void Increment<TKey>(Dictionary<TKey, int> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}

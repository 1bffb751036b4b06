namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// When the user asks for bodies in the report, keeps the bodies of the lowest-scoring sent messages
/// only (a bounded heap, by analysis slot): whether a message is outreach is known only at the end, so a
/// margin of candidates is kept rather than every body. Thread-safe; analysis workers offer concurrently.
/// </summary>
internal sealed class WeakestBodies(int capacity)
{
    private const int MaxBodyLength = 20_000;

    // Highest score on top, so the best of the kept messages is the one replaced.
    private readonly PriorityQueue<(int Slot, string Body), int> _kept = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));
    private readonly Lock _gate = new();

    public void Offer(int slot, int score, string? body)
    {
        if (capacity == 0 || string.IsNullOrEmpty(body))
            return;
        body = body.Length > MaxBodyLength ? body[..MaxBodyLength] : body;
        lock (_gate)
        {
            if (_kept.Count < capacity)
                _kept.Enqueue((slot, body), score);
            else if (_kept.TryPeek(out _, out int worstKept) && score < worstKept)
                _kept.EnqueueDequeue((slot, body), score);
        }
    }

    public IReadOnlyDictionary<int, string> BySlot()
    {
        lock (_gate)
        {
            var result = new Dictionary<int, string>();
            foreach (((int slot, string body), int _) in _kept.UnorderedItems)
                result[slot] = body;
            return result;
        }
    }
}

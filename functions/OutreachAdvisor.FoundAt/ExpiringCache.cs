namespace OutreachAdvisor.FoundAt;

/// <summary>
/// A small in-memory cache with a lifetime per entry and a size cap (the least recently set entries
/// go first), safe for concurrent use. Expired entries are dropped when met or pushed out by newer ones.
/// </summary>
internal sealed class ExpiringCache<TValue>(int capacity, TimeProvider clock)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _order = new();

    public int Count
    {
        get
        {
            lock (_entries)
                return _entries.Count;
        }
    }

    public bool TryGet(string key, out TValue value)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out LinkedListNode<Entry>? node))
            {
                if (node.Value.Expires > clock.GetUtcNow())
                {
                    value = node.Value.Value;
                    return true;
                }

                _entries.Remove(key);
                _order.Remove(node);
            }
        }

        value = default!;
        return false;
    }

    public void Set(string key, TValue value, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
            return;
        lock (_entries)
        {
            if (_entries.Remove(key, out LinkedListNode<Entry>? old))
                _order.Remove(old);
            _entries[key] = _order.AddLast(new Entry(key, value, clock.GetUtcNow() + lifetime));
            while (_entries.Count > capacity)
            {
                _entries.Remove(_order.First!.Value.Key);
                _order.RemoveFirst();
            }
        }
    }

    /// <summary>Sets a value; an entry still alive keeps its expiry (a counter over a fixed window), a new one gets <paramref name="lifetime"/>.</summary>
    public void SetKeepingExpiry(string key, TValue value, TimeSpan lifetime)
    {
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out LinkedListNode<Entry>? node) && node.Value.Expires > clock.GetUtcNow())
            {
                node.Value = node.Value with { Value = value };
                return;
            }
        }

        Set(key, value, lifetime);
    }

    private sealed record Entry(string Key, TValue Value, DateTimeOffset Expires);
}

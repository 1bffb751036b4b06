namespace OutreachAdvisor.Reports;

/// <summary>
/// Disjoint sets over the items 0..Count-1, the one union-find of the solution: template clustering
/// joins matching texts with it, and the local mailbox joins messages into threads. The root of a merged
/// set is always its lowest item, so a set is named by what was added first; path halving keeps finds
/// short (amortised logarithmic at worst, near-constant in practice).
/// </summary>
public sealed class UnionFind
{
    private int[] _parent;

    public UnionFind(int count = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _parent = new int[Math.Max(count, 4)];
        for (int i = 0; i < count; i++)
            _parent[i] = i;
        Count = count;
    }

    public int Count { get; private set; }

    /// <summary>A new item in a set of its own; returns its index.</summary>
    public int Add()
    {
        if (Count == _parent.Length)
            Array.Resize(ref _parent, _parent.Length * 2);
        _parent[Count] = Count;
        return Count++;
    }

    public int Find(int item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Count, nameof(item));
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }

        return item;
    }

    /// <summary>Merges the two items' sets; the merged set's root is the lower of the two roots.</summary>
    public void Union(int first, int second)
    {
        int a = Find(first);
        int b = Find(second);
        if (a == b)
            return;
        if (a < b)
            _parent[b] = a;
        else
            _parent[a] = b;
    }
}

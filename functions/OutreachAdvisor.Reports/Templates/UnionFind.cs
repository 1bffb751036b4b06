namespace OutreachAdvisor.Reports.Templates;

/// <summary>Disjoint sets over 0..n-1 with path halving and union by size: near-constant time per operation.</summary>
internal sealed class UnionFind
{
    private readonly int[] parent;
    private readonly int[] size;

    public UnionFind(int count)
    {
        parent = new int[count];
        size = new int[count];
        for (var i = 0; i < count; i++)
        {
            parent[i] = i;
            size[i] = 1;
        }
    }

    public int Find(int item)
    {
        while (parent[item] != item)
        {
            parent[item] = parent[parent[item]];
            item = parent[item];
        }

        return item;
    }

    public void Union(int first, int second)
    {
        var a = Find(first);
        var b = Find(second);
        if (a == b)
            return;
        if (size[a] < size[b])
            (a, b) = (b, a);
        parent[b] = a;
        size[a] += size[b];
    }
}

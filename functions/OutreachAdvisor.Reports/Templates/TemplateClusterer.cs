using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// Groups texts whose sketches say they are the same template (docs/reports.md "Templates"), in two
/// stages and without comparing every pair:
/// <list type="number">
/// <item>Candidates: locality-sensitive hashing. The sketch's values are cut into bands of
/// <see cref="RowsPerBand"/>; texts whose values agree on a whole band share a bucket. Buckets are found
/// in a hash table per band (one pass, so the work per text is the same at any scale); a
/// bucket keeps <see cref="RepresentativesPerBucket"/> member to compare against, and a member
/// already in the same group is skipped, so a campaign of thousands costs thousands of comparisons.</item>
/// <item>Verification: a candidate pair matches when the estimated containment
/// |A n B| / min(|A|, |B|) reaches <see cref="MinContainment"/> and the estimated Jaccard similarity
/// reaches <see cref="MinJaccard"/>; union-find joins the matches into groups.</item>
/// </list>
/// </summary>
public sealed class TemplateClusterer
{
    /// <summary>Members of a band bucket that later members are compared with: its first.</summary>
    public const int RepresentativesPerBucket = 1;

    public TemplateClusterer(double minContainment = 0.75, double minJaccard = 0.55, int rowsPerBand = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minContainment);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerBand, 1);
        MinContainment = minContainment;
        MinJaccard = minJaccard;
        RowsPerBand = rowsPerBand;
    }

    public double MinContainment { get; }

    public double MinJaccard { get; }

    public int RowsPerBand { get; }

    /// <summary>Sketch comparisons made by the last <see cref="Cluster"/> call (for benchmarks and tests).</summary>
    public long LastComparisons { get; private set; }

    /// <summary>Groups (two or more) of positions in <paramref name="items"/> (whose values index the store) that match, each ascending, ordered by their first position.</summary>
    // Called once per report over every outreach message: fully optimised from the first call (tiered
    // compilation would run its loops unoptimised, then on-stack-replaced, for most of a first call).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<int[]> Cluster(SketchStore sketches, IReadOnlyList<int> items)
    {
        ArgumentNullException.ThrowIfNull(sketches);
        ArgumentNullException.ThrowIfNull(items);
        int n = items.Count;
        int bands = sketches.Length / RowsPerBand;
        var groups = new UnionFind(n);
        long comparisons = 0;

        // Every band key of every text in one pass over the sketches, band by band in memory (4 bytes a band
        // per text): reading a sketch once instead of once per band keeps the work per text the same when the
        // sketches no longer fit in the CPU cache (12.8 MB at 100,000 texts).
        int[] positions = new int[n];
        int live = 0;
        for (int i = 0; i < n; i++)
        {
            if (sketches.Size(items[i]) > 0)
                positions[live++] = i;
        }

        uint[] keys = new uint[(long)bands * live];
        for (int j = 0; j < live; j++)
        {
            ReadOnlySpan<ushort> values = sketches.Values(items[positions[j]]);
            for (int band = 0; band < bands; band++)
                keys[((long)band * live) + j] = BandKey(values.Slice(band * RowsPerBand, RowsPerBand));
        }

        // Each band's buckets in an open-addressing table of (key, first member): texts are visited in
        // position order, so a bucket's representative is its first member and each later member is compared
        // with it, as a stable sort by key would give; the groups do not depend on the order buckets are
        // visited in (a comparison is skipped only between texts already joined).
        int tableSize = (int)Math.Max(16, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, live) * 2));
        int shift = 64 - BitOperations.Log2((uint)tableSize);
        uint[] tableKeys = new uint[tableSize];
        int[] tableFirst = new int[tableSize];

        for (int band = 0; band < bands; band++)
        {
            ReadOnlySpan<uint> bandKeys = keys.AsSpan((int)((long)band * live), live);
            Array.Clear(tableFirst);
            for (int j = 0; j < live; j++)
            {
                uint key = bandKeys[j];
                int member = positions[j];
                int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> shift);
                while (tableFirst[slot] != 0 && tableKeys[slot] != key)
                    slot = (slot + 1) & (tableSize - 1);
                if (tableFirst[slot] == 0)
                {
                    tableKeys[slot] = key;
                    tableFirst[slot] = member + 1;
                    continue;
                }

                int other = tableFirst[slot] - 1;
                if (groups.Find(other) == groups.Find(member))
                    continue;
                comparisons++;
                if (Matches(sketches, items[other], items[member]))
                    groups.Union(other, member);
            }
        }

        LastComparisons = comparisons;
        return Collect(sketches, items, groups);
    }

    /// <summary>Whether two sketched texts are the same template: containment and Jaccard both high enough.</summary>
    public bool Matches(SketchStore sketches, int first, int second)
    {
        ArgumentNullException.ThrowIfNull(sketches);
        int sizeA = sketches.Size(first), sizeB = sketches.Size(second);
        if (sizeA == 0 || sizeB == 0)
            return false;
        ReadOnlySpan<ushort> a = sketches.Values(first), b = sketches.Values(second);
        // Eight values at a time: at 100,000 texts the comparisons are a third of the clustering.
        int equal = 0, i = 0;
        for (; i + Vector128<ushort>.Count <= a.Length; i += Vector128<ushort>.Count)
            equal += BitOperations.PopCount(Vector128.Equals(Vector128.Create(a.Slice(i)), Vector128.Create(b.Slice(i))).ExtractMostSignificantBits());
        for (; i < a.Length; i++)
        {
            if (a[i] == b[i])
                equal++;
        }

        double jaccard = (double)equal / a.Length;
        if (jaccard < MinJaccard)
            return false;
        double intersection = jaccard * (sizeA + sizeB) / (1 + jaccard);
        return intersection / Math.Min(sizeA, sizeB) >= MinContainment;
    }

    /// <summary>A band's values as one 32-bit key: exact for one or two rows, hashed for more, four values to a mix (a chance collision only adds a comparison).</summary>
    private static uint BandKey(ReadOnlySpan<ushort> values)
    {
        if (values.Length == 1)
            return values[0];
        if (values.Length == 2)
            return values[0] | ((uint)values[1] << 16);
        ulong hash = 0;
        for (; values.Length >= 4; values = values[4..])
            hash = TemplateText.Mix(hash ^ MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(values)));
        if (values.Length > 0)
        {
            ulong rest = 0;
            for (int i = 0; i < values.Length; i++)
                rest |= (ulong)values[i] << (16 * i);
            hash = TemplateText.Mix(hash ^ rest);
        }

        return (uint)hash;
    }

    /// <summary>
    /// The groups, in two passes over arrays (no list or dictionary entry per text): a group's root is its
    /// lowest position, so visiting positions in order meets every root before its members and the groups
    /// come out ordered by their first position.
    /// </summary>
    private static List<int[]> Collect(SketchStore sketches, IReadOnlyList<int> items, UnionFind groups)
    {
        int n = items.Count;
        int[] rootOf = new int[n];
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++)
        {
            rootOf[i] = sketches.Size(items[i]) == 0 ? -1 : groups.Find(i);
            if (rootOf[i] >= 0)
                sizes[rootOf[i]]++;
        }

        var result = new List<int[]>();
        int[]?[] byRoot = new int[]?[n];
        int[] filled = new int[n];
        for (int i = 0; i < n; i++)
        {
            int root = rootOf[i];
            if (root == i && sizes[i] >= 2)
                result.Add(byRoot[i] = new int[sizes[i]]);
            if (root >= 0 && byRoot[root] is int[] group)
                group[filled[root]++] = i;
        }

        return result;
    }
}

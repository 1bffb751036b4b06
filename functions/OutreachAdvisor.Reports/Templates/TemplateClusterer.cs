using System.Runtime.CompilerServices;

namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// Groups texts whose sketches say they are the same template (docs/reports.md "Templates"), in two
/// stages and without comparing every pair:
/// <list type="number">
/// <item>Candidates: locality-sensitive hashing. The sketch's values are cut into bands of
/// <see cref="RowsPerBand"/>; texts whose values agree on a whole band share a bucket. Buckets are found
/// by sorting the band keys (a linear radix sort, so the work per text is the same at any scale); a
/// bucket keeps at most <see cref="RepresentativesPerBucket"/> members to compare against, and a member
/// already in the same group is skipped, so a campaign of thousands costs thousands of comparisons.</item>
/// <item>Verification: a candidate pair matches when the estimated containment
/// |A n B| / min(|A|, |B|) reaches <see cref="MinContainment"/> and the estimated Jaccard similarity
/// reaches <see cref="MinJaccard"/>; union-find joins the matches into groups.</item>
/// </list>
/// </summary>
public sealed class TemplateClusterer
{
    public const int RepresentativesPerBucket = 1;

    private const int RadixBits = 11;
    private const int RadixSize = 1 << RadixBits;

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

        // (band key << 32 | position) pairs: sorting and scanning them is sequential in memory.
        ulong[] pairs = new ulong[live];
        ulong[] scratch = new ulong[live];
        int[] counts = new int[RadixSize];
        Span<int> representatives = stackalloc int[RepresentativesPerBucket];

        for (int band = 0; band < bands; band++)
        {
            ReadOnlySpan<uint> bandKeys = keys.AsSpan((int)((long)band * live), live);
            for (int j = 0; j < live; j++)
                pairs[j] = ((ulong)bandKeys[j] << 32) | (uint)positions[j];

            SortByKey(pairs.AsSpan(0, live), scratch.AsSpan(0, live), counts);

            // Runs of equal keys are the band's buckets.
            for (int start = 0; start < live;)
            {
                uint key = (uint)(pairs[start] >> 32);
                int end = start + 1;
                while (end < live && (uint)(pairs[end] >> 32) == key)
                    end++;
                int kept = 1;
                representatives[0] = (int)(uint)pairs[start];
                for (int k = start + 1; k < end; k++)
                {
                    int member = (int)(uint)pairs[k];
                    bool matched = false;
                    for (int r = 0; r < kept && !matched; r++)
                    {
                        int other = representatives[r];
                        if (groups.Find(other) == groups.Find(member))
                        {
                            matched = true;
                            break;
                        }

                        comparisons++;
                        if (Matches(sketches, items[other], items[member]))
                        {
                            groups.Union(other, member);
                            matched = true;
                        }
                    }

                    if (!matched && kept < RepresentativesPerBucket)
                        representatives[kept++] = member;
                }

                start = end;
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
        int equal = 0;
        for (int i = 0; i < a.Length; i++)
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

    /// <summary>A band's values as one 32-bit key: exact for one or two rows, hashed for more (a chance collision only adds a comparison).</summary>
    private static uint BandKey(ReadOnlySpan<ushort> values)
    {
        if (values.Length == 1)
            return values[0];
        if (values.Length == 2)
            return values[0] | ((uint)values[1] << 16);
        ulong hash = 0;
        foreach (ushort value in values)
            hash = TemplateText.Mix(hash ^ value);
        return (uint)hash;
    }

    /// <summary>LSD radix sort of the pairs by their high 32 bits (the key), 11 bits a pass: stable, linear in the count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SortByKey(Span<ulong> pairs, Span<ulong> scratch, int[] counts)
    {
        Span<ulong> source = pairs, target = scratch;
        for (int pass = 0; pass < 3; pass++)
        {
            int shift = 32 + (pass * RadixBits);
            Array.Clear(counts);
            foreach (ulong pair in source)
                counts[(int)((pair >> shift) & (RadixSize - 1))]++;
            int sum = 0;
            for (int d = 0; d < RadixSize; d++)
                (counts[d], sum) = (sum, sum + counts[d]);
            foreach (ulong pair in source)
                target[counts[(int)((pair >> shift) & (RadixSize - 1))]++] = pair;
            Span<ulong> swap = source;
            source = target;
            target = swap;
        }

        // Three passes leave the result in the scratch buffer.
        source.CopyTo(pairs);
    }

    private static List<int[]> Collect(SketchStore sketches, IReadOnlyList<int> items, UnionFind groups)
    {
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < items.Count; i++)
        {
            if (sketches.Size(items[i]) == 0)
                continue;
            int root = groups.Find(i);
            if (!members.TryGetValue(root, out List<int>? list))
                members[root] = list = [];
            list.Add(i);
        }

        return members.Values.Where(list => list.Count >= 2).Select(list => list.ToArray()).OrderBy(group => group[0]).ToList();
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
/// <item>Verification: a candidate pair whose nibble prints (the low four bits of every sketch value)
/// agree on too few values is rejected without reading the sketches (equal values have equal nibbles, so
/// this never rejects a pair that would match); otherwise it matches when the estimated containment
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

    /// <summary>Candidate pairs of the last <see cref="Cluster"/> call not already in one group (for benchmarks and tests).</summary>
    public long LastComparisons { get; private set; }

    /// <summary>Of <see cref="LastComparisons"/>, the pairs whose nibble prints allowed a match, so their sketches were compared.</summary>
    public long LastSketchComparisons { get; private set; }

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

        // The texts with a sketch ("live"), by their index j among them; union-find joins live indices.
        int[] positions = new int[n];
        int[] ids = new int[n];
        int live = 0;
        for (int i = 0; i < n; i++)
        {
            int id = items[i];
            if (sketches.Size(id) > 0)
            {
                positions[live] = i;
                ids[live++] = id;
            }
        }

        // Each text's nibble print and all its band keys in one sequential pass over the sketches (12.8 MB at
        // 100,000 texts, more than the CPU cache holds): reading them once instead of three times halved this
        // step at 100,000 texts (docs/performance.md, seventh pass). The keys are band-major, so each band's
        // visits below read its keys in order; 48 bytes a text (43 MB at 900,000 texts).
        int words = (sketches.Length + 15) / 16;
        ulong[] prints = new ulong[(long)words * live];
        uint[] keys = new uint[(long)bands * live];
        for (int j = 0; j < live; j++)
        {
            ReadOnlySpan<ushort> values = sketches.Values(ids[j]);
            NibblePrint(values, prints.AsSpan(j * words, words));
            for (int band = 0; band < bands; band++)
                keys[((long)band * live) + j] = BandKey(values.Slice(band * RowsPerBand, RowsPerBand));
        }

        // Each band's buckets in an open-addressing table of first members, filled in position order: a
        // bucket's representative is its first member, and each later member is compared with it; the groups
        // do not depend on the order buckets are visited in (a comparison is skipped only between texts
        // already joined). A slot holds only the member (4 bytes); its key is read from the band's keys.
        var pass = new BandPass(this, sketches, ids, prints, words, live);
        for (int band = 0; band < bands; band++)
        {
            ReadOnlySpan<uint> bandKeys = keys.AsSpan((int)((long)band * live), live);
            pass.Reset(live);
            pass.VisitAll(bandKeys);
        }

        LastComparisons = pass.Comparisons;
        LastSketchComparisons = pass.SketchComparisons;
        // The keys are spent: collecting the groups counts in their memory instead of three new arrays.
        Span<int> scratch = keys.Length >= 3L * live ? MemoryMarshal.Cast<uint, int>(keys.AsSpan(0, 3 * live)) : new int[checked(3 * live)];
        return Collect(positions, live, pass.Groups, scratch);
    }

    /// <summary>
    /// One band table and what it finds: the first text with a key becomes its bucket's representative, each
    /// later one is compared with it unless the two are already joined. A comparison first counts equal
    /// nibbles (the low four bits of each sketch value, 32 bytes a text): equal values have equal nibbles, so
    /// too few equal nibbles rejects exactly, and only the rest read both sketches (128 bytes each, a cache
    /// miss apiece at 100,000 texts).
    /// </summary>
    private sealed class BandPass(TemplateClusterer clusterer, SketchStore sketches, int[] ids, ulong[] prints, int words, int live)
    {
        /// <summary>How many texts ahead a band-table slot is asked for.</summary>
        private const int PrefetchDistance = 16;

        private readonly int _minEqual = (int)Math.Ceiling((clusterer.MinJaccard * sketches.Length) - 1e-9);
        private int[] _table = [];
        private int _tableBits;

        public UnionFind Groups { get; } = new(live);

        public long Comparisons { get; private set; }

        public long SketchComparisons { get; private set; }

        /// <summary>Empties the table, sized for <paramref name="texts"/> distinct keys at a load of at most a half.</summary>
        public void Reset(int texts)
        {
            int size = (int)Math.Max(16, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, texts) * 2));
            if (_table.Length != size)
            {
                _table = new int[size];
                _tableBits = BitOperations.Log2((uint)size);
            }
            else
            {
                Array.Clear(_table);
            }
        }

        /// <summary>
        /// Every text in position order. At 100,000 texts the table (1 MB) is as big as a core's L2 cache, so
        /// most probes miss it; asking for the slot of the text <see cref="PrefetchDistance"/> ahead lets
        /// those misses overlap (8% off the call at 100,000, nothing at 10,000: docs/performance.md, seventh
        /// pass). The prefetch is only a hint: it reads nothing and changes no result.
        /// </summary>
        public unsafe void VisitAll(ReadOnlySpan<uint> bandKeys)
        {
            fixed (int* table = _table)
            {
                for (int j = 0; j < bandKeys.Length; j++)
                {
                    if (Sse.IsSupported && j + PrefetchDistance < bandKeys.Length)
                        Sse.Prefetch0(table + SlotOf(bandKeys[j + PrefetchDistance]));
                    Visit(bandKeys, j);
                }
            }
        }

        /// <summary>Where a key's probe starts: the top bits of its Fibonacci hash.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int SlotOf(uint key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - _tableBits));

        /// <summary>Text <paramref name="j"/>, with <paramref name="bandKeys"/>[j] in this band.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Visit(ReadOnlySpan<uint> bandKeys, int j)
        {
            uint key = bandKeys[j];
            int mask = _table.Length - 1;
            int slot = SlotOf(key);
            int first = _table[slot];
            while (first != 0 && bandKeys[first - 1] != key)
            {
                slot = (slot + 1) & mask;
                first = _table[slot];
            }

            if (first == 0)
            {
                _table[slot] = j + 1;
                return;
            }

            int other = first - 1;
            if (Groups.Find(other) == Groups.Find(j))
                return;
            Comparisons++;
            if (EqualNibbles(prints.AsSpan(other * words, words), prints.AsSpan(j * words, words), sketches.Length) < _minEqual)
                return;
            SketchComparisons++;
            if (clusterer.Matches(sketches, ids[other], ids[j]))
                Groups.Union(other, j);
        }
    }

    /// <summary>The low four bits of each sketch value, sixteen to a word (eight values a step where the CPU has 128-bit vectors).</summary>
    private static void NibblePrint(ReadOnlySpan<ushort> values, Span<ulong> print)
    {
        for (int w = 0, v = 0; w < print.Length; w++, v += 16)
        {
            if (Vector128.IsHardwareAccelerated && v + 16 <= values.Length)
            {
                var low = Vector128.Create((ushort)0xF);
                Vector128<ushort> pairs = Vector128.Narrow(Vector128.Create(values.Slice(v)) & low, Vector128.Create(values.Slice(v + 8)) & low).AsUInt16();
                Vector128<ushort> packed = (pairs & low) | ((pairs >> 4) & Vector128.Create((ushort)0xF0));
                print[w] = Vector128.Narrow(packed, packed).AsUInt64().ToScalar();
                continue;
            }

            ulong word = 0;
            for (int i = 0; i < 16 && v + i < values.Length; i++)
                word |= (ulong)(values[v + i] & 0xF) << (4 * i);
            print[w] = word;
        }
    }

    /// <summary>How many of <paramref name="length"/> nibbles two prints share (unused nibbles are zero in both).</summary>
    private static int EqualNibbles(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, int length)
    {
        int different = 0;
        for (int w = 0; w < a.Length; w++)
        {
            ulong x = a[w] ^ b[w];
            x |= x >> 1;
            x |= x >> 2;
            different += BitOperations.PopCount(x & 0x1111111111111111UL);
        }

        return length - different;
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
    /// lowest live index, so visiting them in order meets every root before its members and the groups
    /// come out ordered by their first position. <paramref name="scratch"/> holds three ints a live text.
    /// </summary>
    private static List<int[]> Collect(int[] positions, int live, UnionFind groups, Span<int> scratch)
    {
        scratch.Clear();
        Span<int> rootOf = scratch[..live], sizes = scratch.Slice(live, live), filled = scratch.Slice(2 * live, live);
        for (int j = 0; j < live; j++)
            sizes[rootOf[j] = groups.Find(j)]++;

        var result = new List<int[]>();
        int[]?[] byRoot = new int[]?[live];
        for (int j = 0; j < live; j++)
        {
            int root = rootOf[j];
            if (root == j && sizes[j] >= 2)
                result.Add(byRoot[j] = new int[sizes[j]]);
            if (byRoot[root] is int[] group)
                group[filled[root]++] = positions[j];
        }

        return result;
    }
}

using System.Runtime.InteropServices;

namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// Groups near-identical texts by their MinHash signatures without comparing every pair:
/// locality-sensitive hashing puts signatures into buckets band by band (a band is
/// <c>rows</c> consecutive positions; two texts share a bucket in some band with probability
/// 1 - (1 - J^rows)^bands), only texts sharing a bucket are compared, a comparison counts when the
/// estimated Jaccard similarity reaches the threshold, and union-find joins the matches into groups.
/// </summary>
/// <remarks>
/// With 128 positions in 32 bands of 4 rows, a pair at J = 0.8 shares a bucket with probability
/// above 0.9999 and a pair at J = 0.3 with 0.23; unrelated texts (J near 0) almost never do.
/// A bucket keeps at most <see cref="RepresentativesPerBucket"/> members to compare against, so a
/// campaign of thousands of identical messages costs thousands of comparisons, not millions: each
/// new member is compared with those representatives, and is skipped at once when it is already in
/// the same group. The work is O(n x bands), never O(n^2).
/// </remarks>
public sealed class TemplateClusterer
{
    public const int RepresentativesPerBucket = 3;

    public TemplateClusterer(double threshold = 0.8, int bands = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(bands, 1);
        Threshold = threshold;
        Bands = bands;
    }

    public double Threshold { get; }

    public int Bands { get; }

    /// <summary>Signature comparisons made by the last <see cref="Cluster"/> call (for benchmarks and tests).</summary>
    public long LastComparisons { get; private set; }

    /// <summary>Groups of two or more indices whose signatures match, each sorted, in order of their first index.</summary>
    /// <param name="signatures">One per text, all of the same length (a multiple of <see cref="Bands"/>); null entries are never grouped.</param>
    public IReadOnlyList<int[]> Cluster(IReadOnlyList<uint[]?> signatures)
    {
        ArgumentNullException.ThrowIfNull(signatures);
        int length = signatures.FirstOrDefault(s => s is not null)?.Length ?? 0;
        if (length == 0)
            return [];
        if (length % Bands != 0)
            throw new ArgumentException($"signature length {length} is not a multiple of {Bands} bands");

        int rows = length / Bands;
        var groups = new UnionFind(signatures.Count);
        var buckets = new Dictionary<ulong, Representatives>(signatures.Count);
        long comparisons = 0;

        // Band by band, so only one band's buckets are in memory at a time.
        for (int band = 0; band < Bands; band++)
        {
            buckets.Clear();
            for (int i = 0; i < signatures.Count; i++)
            {
                uint[]? signature = signatures[i];
                if (signature is null)
                    continue;
                if (signature.Length != length)
                    throw new ArgumentException("signatures differ in length");

                ref Representatives bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(buckets, BandKey(signature, band, rows), out bool exists);
                if (!exists)
                {
                    bucket = new Representatives(i);
                    continue;
                }

                bool matched = false;
                for (int slot = 0; slot < bucket.Count && !matched; slot++)
                {
                    int other = bucket[slot];
                    if (groups.Find(other) == groups.Find(i))
                    {
                        matched = true;
                        break;
                    }

                    comparisons++;
                    if (MinHasher.EstimateJaccard(signature, signatures[other]) >= Threshold)
                    {
                        groups.Union(other, i);
                        matched = true;
                    }
                }

                if (!matched && bucket.Count < RepresentativesPerBucket)
                    bucket.Add(i);
            }
        }

        LastComparisons = comparisons;
        return Collect(signatures, groups);
    }

    private static List<int[]> Collect(IReadOnlyList<uint[]?> signatures, UnionFind groups)
    {
        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < signatures.Count; i++)
        {
            if (signatures[i] is null)
                continue;
            int root = groups.Find(i);
            if (!members.TryGetValue(root, out List<int>? list))
                members[root] = list = [];
            list.Add(i);
        }

        return members.Values.Where(list => list.Count >= 2).Select(list => list.ToArray()).OrderBy(group => group[0]).ToList();
    }

    private static ulong BandKey(uint[] signature, int band, int rows)
    {
        ulong hash = TextShingler.Mix((ulong)band + 1);
        for (int r = band * rows; r < (band + 1) * rows; r++)
            hash = TextShingler.Mix(hash ^ signature[r]);
        return hash;
    }

    /// <summary>Up to three members of a bucket, inline (no allocation per bucket).</summary>
    private struct Representatives(int first)
    {
        private int _second = -1;
        private int _third = -1;

        public readonly int Count => _third >= 0 ? 3 : _second >= 0 ? 2 : 1;

        public readonly int this[int slot] => slot switch { 0 => first, 1 => _second, _ => _third };

        public void Add(int index)
        {
            if (_second < 0)
                _second = index;
            else
                _third = index;
        }
    }
}

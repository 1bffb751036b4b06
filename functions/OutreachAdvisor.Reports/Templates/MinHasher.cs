namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// MinHash: a fixed-length signature of a set of shingles such that the share of equal positions in
/// two signatures estimates the Jaccard similarity of the two sets (standard error about
/// sqrt(J(1-J)/n): 0.035 at J = 0.8 with 128 hashes). Signatures are small and comparable in O(n),
/// so the report keeps one per outreach message instead of its text.
/// </summary>
public sealed class MinHasher
{
    public const int DefaultLength = 128;

    // Multiply-shift hashing: h_i(x) = high 32 bits of (a_i * x + b_i), a_i odd. Cheap and
    // universal enough for MinHash on already well-mixed 64-bit shingle hashes.
    private readonly ulong[] _multipliers;
    private readonly ulong[] _increments;

    public MinHasher(int length = DefaultLength, int seed = 20260301)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var random = new Random(seed);
        _multipliers = new ulong[length];
        _increments = new ulong[length];
        for (int i = 0; i < length; i++)
        {
            _multipliers[i] = (ulong)random.NextInt64() | 1UL | ((ulong)random.Next() << 63);
            _increments[i] = (ulong)random.NextInt64();
        }
    }

    public int Length => _multipliers.Length;

    /// <summary>The signature of the shingle set, or null for an empty set (nothing to compare).</summary>
    public uint[]? Signature(IReadOnlyList<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        if (shingles.Count == 0)
            return null;

        uint[] signature = new uint[_multipliers.Length];
        Array.Fill(signature, uint.MaxValue);
        foreach (ulong shingle in shingles)
        {
            for (int i = 0; i < signature.Length; i++)
            {
                uint value = (uint)((_multipliers[i] * shingle + _increments[i]) >> 32);
                if (value < signature[i])
                    signature[i] = value;
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity: the share of positions where the signatures agree.</summary>
    public static double EstimateJaccard(ReadOnlySpan<uint> first, ReadOnlySpan<uint> second)
    {
        if (first.Length != second.Length || first.Length == 0)
            throw new ArgumentException("signatures must be of the same, non-zero length");
        int equal = 0;
        for (int i = 0; i < first.Length; i++)
        {
            if (first[i] == second[i])
                equal++;
        }

        return (double)equal / first.Length;
    }
}

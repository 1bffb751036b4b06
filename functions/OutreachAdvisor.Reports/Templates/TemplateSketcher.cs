namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// A compact sketch of a text for template clustering: the set of its <see cref="ShingleSize"/>-word
/// shingles, reduced to a <see cref="Length"/>-value MinHash whose values keep only their low 16 bits
/// (b-bit MinHash: two sketches agree at a position with probability J + (1 - J)/65536, J the Jaccard
/// similarity of the two sets), plus the set's size, from which the containment |A n B| / min(|A|, |B|)
/// is estimated. 64 x 2 bytes per message instead of the text.
/// </summary>
public sealed class TemplateSketcher
{
    public const int DefaultLength = 64;
    public const int DefaultShingleSize = 3;

    private readonly ulong[] _multipliers;
    private readonly ulong[] _increments;

    public TemplateSketcher(int length = DefaultLength, int shingleSize = DefaultShingleSize, int seed = 20261201)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(shingleSize, 1);
        ShingleSize = shingleSize;
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

    public int ShingleSize { get; }

    /// <summary>Writes the sketch of the words into <paramref name="sketch"/> and returns the number of distinct shingles (0: nothing to compare).</summary>
    public int Sketch(IReadOnlyList<ulong> words, Span<ushort> sketch)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (sketch.Length != Length)
            throw new ArgumentException($"the sketch must have {Length} values", nameof(sketch));
        if (words.Count == 0)
        {
            sketch.Clear();
            return 0;
        }

        // The distinct shingle hashes: sorted in a pooled buffer, duplicates skipped (no set per message).
        int count = Math.Max(1, words.Count - ShingleSize + 1);
        ulong[] buffer = System.Buffers.ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            Span<ulong> shingles = buffer.AsSpan(0, count);
            for (int i = 0; i < count; i++)
            {
                ulong hash = 0xCBF29CE484222325UL;
                for (int j = i; j < Math.Min(i + ShingleSize, words.Count); j++)
                    hash = TemplateText.Mix(hash ^ words[j]);
                shingles[i] = hash;
            }

            shingles.Sort();
            Span<uint> minima = stackalloc uint[Length];
            minima.Fill(uint.MaxValue);
            ReadOnlySpan<ulong> multipliers = _multipliers, increments = _increments;
            int distinct = 0;
            for (int s = 0; s < shingles.Length; s++)
            {
                ulong shingle = shingles[s];
                if (s > 0 && shingle == shingles[s - 1])
                    continue;
                distinct++;
                for (int i = 0; i < minima.Length; i++)
                {
                    uint value = (uint)((multipliers[i] * shingle + increments[i]) >> 32);
                    if (value < minima[i])
                        minima[i] = value;
                }
            }

            for (int i = 0; i < minima.Length; i++)
                sketch[i] = (ushort)minima[i];
            return distinct;
        }
        finally
        {
            System.Buffers.ArrayPool<ulong>.Shared.Return(buffer);
        }
    }
}

namespace OutreachAdvisor.Reports.Templates;

/// <summary>
/// Sketches of many texts in chunks of one flat array each (no object per text): item i's values are
/// at i x length in its chunk. Items are added by index from several threads at once (each index once);
/// reading happens after all writes (the engine's workers have finished).
/// </summary>
public sealed class SketchStore
{
    private const int ChunkItems = 1 << 16;

    private readonly List<ushort[]> _values = [];
    private readonly List<ushort[]> _sizes = [];
    private readonly Lock _grow = new();

    public SketchStore(int length = TemplateSketcher.DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 2);
        Length = length;
    }

    public int Length { get; }

    /// <summary>One more than the highest index made room for.</summary>
    public int Capacity { get; private set; }

    /// <summary>Makes room for indices below <paramref name="count"/> (call from the thread that hands out indices).</summary>
    public void EnsureCapacity(int count)
    {
        lock (_grow)
        {
            while (Capacity < count)
            {
                _values.Add(new ushort[ChunkItems * Length]);
                _sizes.Add(new ushort[ChunkItems]);
                Capacity += ChunkItems;
            }
        }
    }

    /// <summary>The values of item <paramref name="index"/> (writable, for the sketcher).</summary>
    public Span<ushort> Values(int index) => _values[index >> 16].AsSpan((index & (ChunkItems - 1)) * Length, Length);

    /// <summary>Distinct shingles of the item's text, capped at 65,535; 0 means the text had no words and is never grouped.</summary>
    public int Size(int index) => _sizes[index >> 16][index & (ChunkItems - 1)];

    public void SetSize(int index, int size) => _sizes[index >> 16][index & (ChunkItems - 1)] = (ushort)Math.Clamp(size, 0, ushort.MaxValue);

    /// <summary>Bytes held (for memory accounting in benchmarks).</summary>
    public long Bytes => (long)Capacity * (Length + 1) * sizeof(ushort);
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>
/// What this machine's memory allows, as a yardstick for the clustering's growth from 10,000 to 100,000
/// texts: the least work any banded LSH with hash tables does (12 bands, one table probe and insert a text
/// per band, the table sized as the clusterer's at two slots a text, no comparison, no union-find), laid
/// out two ways: one table per band as the clusterer does, and cache-partitioned (each band's texts first
/// split by the top bits of their key's hash into parts of ~512, whose tables of 4 KB stay in the L1
/// cache). Random keys: every probe is an insert or a chance hit, as for texts with nothing in common.
/// </summary>
public static class MemoryBaseline
{
    public const int Bands = 12;

    /// <summary>Random band keys for <paramref name="texts"/> texts, band-major as the clusterer keeps them.</summary>
    public static uint[] Keys(int texts, int seed)
    {
        var random = new Random(seed);
        uint[] keys = new uint[(long)Bands * texts];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = (uint)random.Next() ^ ((uint)random.Next() << 16);
        return keys;
    }

    /// <summary>One table per band of 2 slots a text (rounded up to a power of two), probed as the clusterer probes; returns the hits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Direct(uint[] keys, int texts)
    {
        int[] table = new int[(int)BitOperations.RoundUpToPowerOf2((uint)texts * 2)];
        long hits = 0;
        for (int band = 0; band < Bands; band++)
        {
            Array.Clear(table);
            ReadOnlySpan<uint> bandKeys = keys.AsSpan(band * texts, texts);
            for (int j = 0; j < texts; j++)
                hits += Probe(table, table.Length, 0, bandKeys, j);
        }

        return hits;
    }

    /// <summary>The same probes, each band's texts first split (stably, by a counting pass) into parts of ~512 by their hash's top bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Partitioned(uint[] keys, int texts)
    {
        int partBits = BitOperations.Log2((uint)Math.Max(1, texts / 512));
        int parts = 1 << partBits;
        int[] starts = new int[parts + 1];
        int[] next = new int[parts];
        int[] order = new int[texts];
        int[] local = new int[16];
        long hits = 0;
        for (int band = 0; band < Bands; band++)
        {
            ReadOnlySpan<uint> bandKeys = keys.AsSpan(band * texts, texts);
            Array.Clear(starts);
            for (int j = 0; j < texts; j++)
                starts[Part(bandKeys[j], partBits) + 1]++;
            for (int p = 1; p <= parts; p++)
                starts[p] += starts[p - 1];
            starts.AsSpan(0, parts).CopyTo(next);
            for (int j = 0; j < texts; j++)
                order[next[Part(bandKeys[j], partBits)]++] = j;

            for (int p = 0; p < parts; p++)
            {
                int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(8, (starts[p + 1] - starts[p]) * 2));
                if (size > local.Length)
                    local = new int[size];
                Array.Clear(local, 0, size);
                for (int i = starts[p]; i < starts[p + 1]; i++)
                    hits += Probe(local, size, partBits, bandKeys, order[i]);
            }
        }

        return hits;
    }

    /// <summary>Linear probing from the hash bits below the top <paramref name="skipBits"/>: 1 when text j's key is already in, else it is inserted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Probe(int[] table, int size, int skipBits, ReadOnlySpan<uint> bandKeys, int j)
    {
        uint key = bandKeys[j];
        int slot = (int)(((key * 0x9E3779B97F4A7C15UL) << skipBits) >> (64 - BitOperations.Log2((uint)size)));
        while (table[slot] != 0 && bandKeys[table[slot] - 1] != key)
            slot = (slot + 1) & (size - 1);
        if (table[slot] != 0)
            return 1;
        table[slot] = j + 1;
        return 0;
    }

    private static int Part(uint key, int partBits) => partBits == 0 ? 0 : (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - partBits));
}

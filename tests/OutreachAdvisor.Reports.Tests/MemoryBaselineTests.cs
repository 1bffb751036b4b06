using OutreachAdvisor.Reports.Benchmarks;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>The template benchmark's yardstick does the same work in both layouts: every repeated key of a band is one hit.</summary>
[TestClass]
public sealed class MemoryBaselineTests
{
    [TestMethod]
    [DataRow(3_000, 1_000, DisplayName = "3,000 texts, 1,000 distinct keys a band: 2,000 hits a band, in 5 parts")]
    [DataRow(700, 700, DisplayName = "700 texts, all keys distinct: no hit, in one part")]
    public void One_table_a_band_and_partitioned_count_the_same_hits(int texts, int distinct)
    {
        uint[] keys = new uint[MemoryBaseline.Bands * texts];
        for (int band = 0; band < MemoryBaseline.Bands; band++)
        {
            for (int j = 0; j < texts; j++)
                keys[(band * texts) + j] = (uint)(((j % distinct) * 2_654_435_761L) + band);
        }

        long expected = (long)MemoryBaseline.Bands * (texts - distinct);
        Assert.AreEqual(expected, MemoryBaseline.Direct(keys, texts));
        Assert.AreEqual(expected, MemoryBaseline.Partitioned(keys, texts));
    }

    [TestMethod]
    public void Random_keys_of_100_000_texts_are_nearly_all_distinct_in_both_layouts()
    {
        uint[] keys = MemoryBaseline.Keys(100_000, seed: 7);

        long direct = MemoryBaseline.Direct(keys, 100_000);

        Assert.AreEqual(direct, MemoryBaseline.Partitioned(keys, 100_000));
        Assert.IsLessThan(100L, direct);
    }
}

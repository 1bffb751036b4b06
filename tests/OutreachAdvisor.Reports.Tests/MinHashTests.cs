using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports.Tests;

[TestClass]
public sealed class MinHashTests
{
    private static readonly MinHasher Hasher = new();

    private static ulong[] Range(int from, int count) => Enumerable.Range(from, count).Select(i => TextShingler.Mix((ulong)i)).ToArray();

    [TestMethod]
    public void Identical_sets_have_identical_signatures()
    {
        uint[] a = Hasher.Signature(Range(0, 100))!;
        uint[] b = Hasher.Signature(Range(0, 100).Reverse().ToArray())!;
        Assert.AreEqual(1.0, MinHasher.EstimateJaccard(a, b));
    }

    [TestMethod]
    [DataRow(0, 0.0)]
    [DataRow(50, 0.333)]
    [DataRow(10, 0.818)]
    public void The_estimate_is_close_to_the_true_jaccard(int offset, double expected)
    {
        // {0..99} and {offset..offset+99}: |A n B| / |A u B| = (100 - offset) / (100 + offset); offset 0 here means disjoint sets.
        ulong[] second = offset == 0 ? Range(1000, 100) : Range(offset, 100);
        double estimate = MinHasher.EstimateJaccard(Hasher.Signature(Range(0, 100))!, Hasher.Signature(second)!);
        Assert.AreEqual(expected, estimate, 0.12);
    }

    [TestMethod]
    public void An_empty_text_has_no_signature()
    {
        Assert.IsNull(Hasher.Signature(TextShingler.Shingles("  ,. ")));
    }

    [TestMethod]
    public void Names_are_masked_so_a_mail_merge_reads_as_one_text()
    {
        const string text = "Hi {0}, I loved your last episode about slow travel and I wonder whether you would like a guest.";
        IReadOnlyList<ulong> jane = TextShingler.Shingles(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, "Jane"), ["Jane Doe", "jane.doe"]);
        IReadOnlyList<ulong> tom = TextShingler.Shingles(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, "Tom"), ["Tom Lee", "tom"]);
        IReadOnlyList<ulong> unmasked = TextShingler.Shingles(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, "Tom"));

        CollectionAssert.AreEqual(jane.ToArray(), tom.ToArray());
        CollectionAssert.AreNotEqual(jane.ToArray(), unmasked.ToArray());
    }

    [TestMethod]
    public void Quoted_history_is_not_part_of_the_text()
    {
        IReadOnlyList<ulong> plain = TextShingler.Shingles("thanks for the quick answer, see you on monday then");
        IReadOnlyList<ulong> quoted = TextShingler.Shingles("thanks for the quick answer, see you on monday then\n> an older message that was quoted below the reply");
        CollectionAssert.AreEqual(plain.ToArray(), quoted.ToArray());
    }

    [TestMethod]
    public void Lsh_finds_the_near_duplicates_among_many_unrelated_texts_without_comparing_all_pairs()
    {
        var signatures = new List<uint[]?>();
        for (int i = 0; i < 2000; i++)
            signatures.Add(Hasher.Signature(TextShingler.Shingles(TemplateTests.RandomText(i))));
        string campaign = TemplateTests.RandomText(99_999, words: 120);
        var members = new List<int>();
        for (int i = 0; i < 30; i++)
        {
            members.Add(signatures.Count);
            // Each copy ends with its own word: near-identical, not identical.
            signatures.Add(Hasher.Signature(TextShingler.Shingles($"{campaign} signed{i}")));
        }

        signatures.Add(null);
        var clusterer = new TemplateClusterer();
        IReadOnlyList<int[]> groups = clusterer.Cluster(signatures);

        CollectionAssert.AreEqual(members, groups.Single().ToList());
        // All pairs would be about two million comparisons; LSH makes a few per message.
        Assert.IsLessThan(20_000L, clusterer.LastComparisons, $"{clusterer.LastComparisons} comparisons");
    }

    [TestMethod]
    public void A_pair_below_the_threshold_is_not_joined()
    {
        uint[]? a = Hasher.Signature(Range(0, 100));
        uint[]? b = Hasher.Signature(Range(40, 100)); // J = 60/140 = 0.43
        Assert.IsEmpty(new TemplateClusterer().Cluster([a, b]));
        Assert.HasCount(1, new TemplateClusterer(threshold: 0.3).Cluster([a, b]));
    }
}

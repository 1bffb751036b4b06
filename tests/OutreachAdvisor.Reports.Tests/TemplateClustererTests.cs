using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>The clusterer on its own, at sizes where its buckets are big: one campaign stays one group, shared boilerplate joins nobody.</summary>
[TestClass]
public sealed class TemplateClustererTests
{
    private const string Boilerplate =
        "I am a designer at a small studio that works on wellness apps and colour. We have been testing palettes with real users for a year.";

    [TestMethod]
    public void A_campaign_of_600_copies_among_600_personal_texts_with_the_same_boilerplate_is_one_group_of_exactly_its_copies()
    {
        var texts = new List<(string Text, string Name)>();
        var campaign = new HashSet<int>();
        for (int i = 0; i < 1200; i++)
        {
            string name = $"Person{i}";
            if (i % 2 == 0)
            {
                campaign.Add(i);
                texts.Add(($"Hi {name},\n\nYour talk on calm colours changed how I think about contrast. {Boilerplate} " +
                           $"Would you have 15 minutes for a call next week to look at our results? I would be happy to share the full data set in return.\n\nBest,\nAnn", name));
            }
            else
            {
                // Personal: the same boilerplate, then words of its own.
                texts.Add(($"Hi {name},\n\n{TemplateTests.RandomText(i, 12)}. {Boilerplate} {TemplateTests.RandomText(10_000 + i, 40)}.\n\nBest,\nAnn", name));
            }
        }

        var sketcher = new TemplateSketcher();
        var store = new SketchStore(sketcher.Length);
        store.EnsureCapacity(texts.Count);
        for (int i = 0; i < texts.Count; i++)
            store.SetSize(i, sketcher.Sketch(TemplateText.Words(texts[i].Text, [texts[i].Name]), store.Values(i)));

        var clusterer = new TemplateClusterer();
        IReadOnlyList<int[]> groups = clusterer.Cluster(store, Enumerable.Range(0, texts.Count).ToArray());

        int[] group = groups.Single();
        CollectionAssert.AreEqual(campaign.Order().ToArray(), group);
        // Comparisons stay per message (at most one per band), never per pair.
        Assert.IsLessThanOrEqualTo(12L * texts.Count, clusterer.LastComparisons);
    }

    [TestMethod]
    public void Groups_come_out_ordered_by_their_first_position_with_their_members_ascending_and_empty_texts_in_none()
    {
        string[] texts = ["", TemplateTests.RandomText(1), TemplateTests.RandomText(2), TemplateTests.RandomText(1), "", TemplateTests.RandomText(2), TemplateTests.RandomText(1)];
        var sketcher = new TemplateSketcher();
        var store = new SketchStore(sketcher.Length);
        store.EnsureCapacity(texts.Length);
        for (int i = 0; i < texts.Length; i++)
            store.SetSize(i, sketcher.Sketch(TemplateText.Words(texts[i]), store.Values(i)));

        IReadOnlyList<int[]> groups = new TemplateClusterer().Cluster(store, Enumerable.Range(0, texts.Length).ToArray());

        Assert.AreEqual(2, groups.Count);
        CollectionAssert.AreEqual(new[] { 1, 3, 6 }, groups[0]);
        CollectionAssert.AreEqual(new[] { 2, 5 }, groups[1]);
    }

    [TestMethod]
    [DataRow(36, 1, true, DisplayName = "36 of 64 values equal (the 0.55 Jaccard floor), the rest different: one group")]
    [DataRow(35, 1, false, DisplayName = "35 of 64 equal: no group")]
    [DataRow(35, 16, false, DisplayName = "35 of 64 equal, the rest different only above their low four bits: no group")]
    [DataRow(64, 0, true, DisplayName = "identical sketches: one group")]
    public void The_nibble_prints_only_skip_pairs_the_sketches_would_reject(int equal, int offset, bool grouped)
    {
        // Two texts sharing the first band; sizes 100 and 40, so containment follows Jaccard.
        var store = new SketchStore();
        store.EnsureCapacity(2);
        Span<ushort> first = store.Values(0), second = store.Values(1);
        for (int i = 0; i < first.Length; i++)
        {
            first[i] = (ushort)((i * 977) + 3);
            second[i] = (ushort)(first[i] + (i < equal ? 0 : offset));
        }

        store.SetSize(0, 100);
        store.SetSize(1, 40);
        var clusterer = new TemplateClusterer();

        IReadOnlyList<int[]> groups = clusterer.Cluster(store, [0, 1]);

        Assert.AreEqual(grouped ? 1 : 0, groups.Count);
        // One comparison a shared band (bands of five values) until the two are joined.
        Assert.AreEqual(grouped ? 1 : equal / 5, clusterer.LastComparisons);
        // Only a pair whose low four bits agree often enough has its sketches read.
        Assert.AreEqual(offset == 1 && !grouped ? 0 : clusterer.LastComparisons, clusterer.LastSketchComparisons);
    }

    [TestMethod]
    [DataRow(5, DisplayName = "12 bands of 5 values: the groups are counted in the spent keys' memory")]
    [DataRow(32, DisplayName = "2 bands of 32: too few keys to count in, so the counts get arrays of their own")]
    [DataRow(64, DisplayName = "1 band of 64")]
    public void Identical_texts_group_and_different_ones_do_not_whatever_the_bands(int rowsPerBand)
    {
        string[] texts = [TemplateTests.RandomText(1), TemplateTests.RandomText(2), TemplateTests.RandomText(1), TemplateTests.RandomText(3), TemplateTests.RandomText(2), TemplateTests.RandomText(1)];
        var sketcher = new TemplateSketcher();
        var store = new SketchStore(sketcher.Length);
        store.EnsureCapacity(texts.Length);
        for (int i = 0; i < texts.Length; i++)
            store.SetSize(i, sketcher.Sketch(TemplateText.Words(texts[i]), store.Values(i)));

        IReadOnlyList<int[]> groups = new TemplateClusterer(rowsPerBand: rowsPerBand).Cluster(store, Enumerable.Range(0, texts.Length).ToArray());

        Assert.AreEqual(2, groups.Count);
        CollectionAssert.AreEqual(new[] { 0, 2, 5 }, groups[0]);
        CollectionAssert.AreEqual(new[] { 1, 4 }, groups[1]);
    }
}

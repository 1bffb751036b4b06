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
    public void A_text_agreeing_with_another_on_one_band_only_is_not_compared_unless_one_band_is_enough()
    {
        // Texts 0 and 1 share the first band (values 0-4) and nothing else: a chance agreement.
        SketchStore store = Sketches([(0, 64)], [(0, 5)]);

        var twoBands = new TemplateClusterer(rowsPerBand: 5, minAgreeingBands: 2);
        Assert.IsEmpty(twoBands.Cluster(store, [0, 1]));
        Assert.AreEqual(0L, twoBands.LastComparisons);

        var oneBand = new TemplateClusterer(rowsPerBand: 5, minAgreeingBands: 1);
        Assert.IsEmpty(oneBand.Cluster(store, [0, 1]));
        Assert.AreEqual(1L, oneBand.LastComparisons);
    }

    [TestMethod]
    public void Bands_pointing_to_different_members_of_one_group_count_together()
    {
        // 0 and 1 share bands 2-7 (values 10-39) and are one group. Text 2 shares band 0 with 0 only and
        // band 1 with 1 only: two bands into one group, so it is compared with both (and matches neither).
        SketchStore store = Sketches([(0, 5), (10, 40)], [(5, 10), (10, 40)], [(0, 10)]);

        var clusterer = new TemplateClusterer(minContainment: 0.5, minJaccard: 0.4, rowsPerBand: 5, minAgreeingBands: 2);
        IReadOnlyList<int[]> groups = clusterer.Cluster(store, [0, 1, 2]);

        CollectionAssert.AreEqual(new[] { 0, 1 }, groups.Single());
        Assert.AreEqual(3L, clusterer.LastComparisons);

        // Two bands into two different texts that are not grouped: no comparison at all.
        SketchStore apart = Sketches([(0, 5)], [(5, 10)], [(0, 10)]);
        Assert.IsEmpty(clusterer.Cluster(apart, [0, 1, 2]));
        Assert.AreEqual(0L, clusterer.LastComparisons);
    }

    /// <summary>64-value sketches: text i takes the shared value v at the positions in its ranges [From, To) and a value of its own elsewhere.</summary>
    private static SketchStore Sketches(params (int From, int To)[][] texts)
    {
        var store = new SketchStore(64);
        store.EnsureCapacity(texts.Length);
        for (int index = 0; index < texts.Length; index++)
        {
            Span<ushort> values = store.Values(index);
            for (int v = 0; v < values.Length; v++)
                values[v] = (ushort)(texts[index].Any(r => v >= r.From && v < r.To) ? v : 1000 + (index * 64) + v);
            store.SetSize(index, 100);
        }

        return store;
    }
}

using OutreachAdvisor.Reports.Detecting;

namespace OutreachAdvisor.Reports.Tests;

/// <summary>The counting-sort grouping the reply tracker indexes replies and follow-ups with.</summary>
[TestClass]
public sealed class GroupedValuesTests
{
    [TestMethod]
    public void Each_key_gets_its_own_values_in_the_order_they_were_added_and_keys_without_values_are_empty()
    {
        (int Key, long Value)[] pairs = [(3, 30), (0, 1), (3, 10), (1, 5), (3, 20), (0, 2)];
        var grouped = new GroupedValues<long>(5);
        foreach ((int key, long _) in pairs)
            grouped.Count(key);
        grouped.Allocate();
        foreach ((int key, long value) in pairs)
            grouped.Add(key, value);
        grouped.Complete();

        CollectionAssert.AreEqual(new long[] { 1, 2 }, grouped.Of(0).ToArray());
        CollectionAssert.AreEqual(new long[] { 5 }, grouped.Of(1).ToArray());
        Assert.AreEqual(0, grouped.Of(2).Length);
        CollectionAssert.AreEqual(new long[] { 30, 10, 20 }, grouped.Of(3).ToArray());
        Assert.AreEqual(0, grouped.Of(4).Length);
    }
}

using OutreachAdvisor.FoundAt.Discovery;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>Discovery:Enabled, as the Functions app (on by default) and `outreach serve` (off by default) read it.</summary>
[TestClass]
public sealed class DiscoverySetupTests
{
    [TestMethod]
    [DataRow(null, true, true)]
    [DataRow(null, false, false)]
    [DataRow("", true, true)]
    [DataRow("false", true, false)]
    [DataRow(" False ", true, false)]
    [DataRow("true", false, true)]
    public void The_setting_turns_discovery_on_or_off_and_absent_means_the_hosts_default(string? value, bool byDefault, bool expected)
    {
        Assert.AreEqual(expected, DiscoverySetup.IsEnabled(key => key == DiscoverySetup.EnabledSetting ? value : null, byDefault));
        Assert.AreEqual(expected, DiscoverySetup.FromSettings(key => key == DiscoverySetup.EnabledSetting ? value : null, byDefault) is not null);
    }

    [TestMethod]
    public void A_value_that_is_neither_true_nor_false_stops_start_up_naming_the_setting()
    {
        InvalidOperationException error = Assert.ThrowsExactly<InvalidOperationException>(() => DiscoverySetup.IsEnabled(_ => "yes please", byDefault: true));
        Assert.AreEqual("Discovery:Enabled must be true or false, not 'yes please'.", error.Message);
    }
}

using System.Text.Json;
using OutreachAdvisor.Tests.Common;
using static OutreachAdvisor.Cli.Tests.CliRunner;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>
/// The add-in's offline copy of the rule catalogue (addin/src/generated/rules.&lt;lang&gt;.json) is exactly what
/// the server answers. Regenerate with OUTREACH_UPDATE_GOLDEN=1, or: outreach rules --json --lang en.
/// </summary>
[TestClass]
public sealed class RuleCatalogueCopyTests
{
    [TestMethod]
    [DataRow("en")]
    [DataRow("it")]
    public async Task The_add_ins_offline_copy_equals_the_served_catalogue(string language)
    {
        Run run = await RunAsync(["rules", "--json", "--lang", language]);
        Assert.AreEqual(0, run.ExitCode, run.Stderr);
        using var served = JsonDocument.Parse(run.Stdout);
        GoldenFile.AssertMatches($"addin/src/generated/rules.{language}.json", [run.Stdout.TrimEnd()]);
        Assert.AreEqual(language, served.RootElement.GetProperty("language").GetString());
    }
}

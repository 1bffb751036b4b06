using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Fuzz.Tests;

/// <summary>
/// Every file in tests/OutreachAdvisor.Fuzz/Crashes/HARNESS/ (inputs a fuzz run found crashing, kept by
/// fuzz.sh) and Seeds/HARNESS/ must now pass its harness: return normally, or refuse the input the
/// documented way. A fixed crash stays fixed.
/// </summary>
[TestClass]
public sealed class CrashRegressionTests
{
    private static string FuzzFolder => Path.Combine(RepoPaths.Root, "tests", "OutreachAdvisor.Fuzz");

    public static IEnumerable<object[]> Inputs() =>
        FuzzHarnesses.All.Keys.SelectMany(harness => new[] { "Crashes", "Seeds" }
            .Select(kind => Path.Combine(FuzzFolder, kind, harness))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            .Select(file => new object[] { harness, Path.GetRelativePath(FuzzFolder, file) }));

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void Kept_input_passes_its_harness(string harness, string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(FuzzFolder, file));
        FuzzHarnesses.All[harness](input);
    }

    [TestMethod]
    public void Every_harness_has_seeds()
    {
        foreach (string harness in FuzzHarnesses.All.Keys)
            Assert.IsNotEmpty(Directory.GetFiles(Path.Combine(FuzzFolder, "Seeds", harness)), harness);
    }

    [TestMethod]
    public void A_harness_is_not_a_catch_all()
    {
        // What the analyze-request harness lets through as a crash: a 5xx, or no answer at all.
        var serverError = new OutreachAdvisor.Api.Problem("about:blank", "x", 500, "x");
        Assert.ThrowsExactly<InvalidOperationException>(() => FuzzHarnesses.Check(new OutreachAdvisor.Api.AnalyzeRequestReader.Outcome(null, serverError)));
        Assert.ThrowsExactly<InvalidOperationException>(() => FuzzHarnesses.Check(new OutreachAdvisor.Api.AnalyzeRequestReader.Outcome(null, null)));
        // And a page that lists the address passes the found-at harness.
        FuzzHarnesses.FoundAt("jane@shape.example\nmail jane@shape.example"u8.ToArray());
    }
}

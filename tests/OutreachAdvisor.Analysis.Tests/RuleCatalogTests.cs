using System.Reflection;
using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>Every rule comes with its doc page and its must-fire / must-not-fire tests in both languages.</summary>
[TestClass]
public sealed partial class RuleCatalogTests
{
    private static readonly string[] ContractRules =
    [
        "engage-before-asking", "private-channel", "listed-address", "no-personal-details", "mutual-benefit",
        "personal-greeting", "right-recipient", "specific-reference", "no-automation",
    ];

    public static IEnumerable<object[]> Rules => RuleCatalog.BuiltIn.Select(r => new object[] { r.Description.Name });

    [TestMethod]
    public void The_catalog_holds_exactly_the_contracts_rules_in_its_order() =>
        CollectionAssert.AreEqual(ContractRules, RuleCatalog.BuiltIn.Select(r => r.Description.Name).ToArray());

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Rule_has_a_doc_page_with_every_section(string rule)
    {
        string path = Path.Combine(RepoPaths.Root, "docs", "rules", rule + ".md");
        Assert.IsTrue(File.Exists(path), $"missing {path}");
        string doc = File.ReadAllText(path);
        foreach (string heading in new[] { "## What it checks", "## Why", "## Examples", "## How to fix", "## When it stays quiet" })
            StringAssert.Contains(doc, heading, $"{rule}.md needs a '{heading}' section");
        StringAssert.Contains(doc, "Italian", $"{rule}.md needs Italian examples");
        Assert.IsTrue(BadExample().IsMatch(doc) && GoodExample().IsMatch(doc), $"{rule}.md needs bad and good examples");
    }

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Rule_has_a_test_class_with_cases_in_English_and_Italian(string rule)
    {
        IRule instance = RuleCatalog.Find(rule)!;
        Type? tests = typeof(RuleCatalogTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == instance.GetType().Name + "Tests");
        Assert.IsNotNull(tests, $"{instance.GetType().Name}Tests is missing");
        foreach (string list in new[] { "MustFire", "MustNotFire" })
        {
            var cases = (IEnumerable<object[]>?)tests.GetProperty(list, BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
            Assert.IsNotNull(cases, $"{tests.Name}.{list} is missing");
            string[] languages = cases.Select(row => ((RuleCase)row[0]).Language).Distinct().ToArray();
            CollectionAssert.IsSubsetOf(new[] { "en", "it" }, languages, $"{tests.Name}.{list} needs English and Italian cases");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Rule_description_is_complete(string rule)
    {
        RuleDescription description = RuleCatalog.Describe(rule)!;
        Assert.IsTrue(description.ArticleRule is >= 1 and <= 5);
        Assert.AreEqual($"help/rules/{rule}.html", description.HelpUri);
        Assert.IsNotEmpty(description.Findings, $"{rule} reports no finding");
    }

    [GeneratedRegex(@"(?im)^#+ .*\b(bad|incorrect)\b")]
    private static partial Regex BadExample();

    [GeneratedRegex(@"(?im)^#+ .*\b(good|correct)\b")]
    private static partial Regex GoodExample();
}

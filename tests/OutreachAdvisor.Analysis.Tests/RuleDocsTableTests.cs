using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>
/// The rule tables in README.md and docs/rules/README.md are generated from the rule catalogue (each rule's
/// rule.json), so a rule's name, category, send policy and one-line description are written in one place.
/// </summary>
[TestClass]
public sealed class RuleDocsTableTests
{
    [TestMethod]
    public void The_readmes_rule_table_is_the_catalogue() =>
        GeneratedRegion.AssertMatches("README.md", "rules-table", Table("docs/rules/"));

    [TestMethod]
    public void The_rule_folders_table_is_the_catalogue() =>
        GeneratedRegion.AssertMatches("docs/rules/README.md", "rules-table", Table(""));

    [TestMethod]
    public void The_table_has_one_row_per_rule_with_its_doc_page_link()
    {
        string[] rows = Table("docs/rules/")[2..];
        Assert.HasCount(RuleCatalog.BuiltIn.Count, rows);
        StringAssert.StartsWith(rows[0], "| [engage-before-asking](docs/rules/engage-before-asking.md) | relationship | 1 |");
    }

    private static string[] Table(string linkPrefix)
    {
        var catalogue = RuleCatalogView.For("en");
        return
        [
            "| rule | category | article rule | an error blocks send | fires when |",
            "|---|---|---|---|---|",
            .. catalogue.Rules.Select(r =>
                $"| [{r.Name}]({linkPrefix}{r.Name}.md) | {r.Category} | {r.ArticleRule} | {(r.BlocksSend ? "yes" : "no")} | {r.Description.Replace("|", "\\|", StringComparison.Ordinal)} |"),
        ];
    }
}

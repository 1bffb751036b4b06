using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>Every rule's rule.json and the shared messages: complete in both languages, and every message id in use.</summary>
[TestClass]
public sealed class RuleDescriptionTests
{
    public static IEnumerable<object[]> Rules => RuleCatalog.BuiltIn.Select(r => new object[] { r.Description.Name });

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Every_finding_text_has_both_languages_with_the_same_placeholders(string rule)
    {
        foreach ((string id, (FindingText en, FindingText it)) in RuleCatalog.Describe(rule)!.Findings)
        {
            foreach ((string part, string english, string italian) in new[] { ("title", en.Title, it.Title), ("message", en.Message, it.Message), ("suggestion", en.Suggestion, it.Suggestion), ("fix", en.Fix ?? "", it.Fix ?? "") })
            {
                Assert.AreEqual(english.Length == 0, italian.Length == 0, $"{id} {part}: both languages or neither");
                CollectionAssert.AreEquivalent(MessageTemplate.Placeholders(english).Distinct().ToArray(), MessageTemplate.Placeholders(italian).Distinct().ToArray(), $"{id} {part}: the same placeholders in English and Italian");
            }
            Assert.AreNotEqual(en.Message, it.Message, $"{id}: the Italian message is a translation, not a copy");
        }
    }

    [TestMethod]
    public void Every_sentence_has_both_languages_with_the_same_placeholders()
    {
        foreach ((string id, LocalizedText text) in RuleCatalog.Descriptions.SelectMany(d => d.Checks).Concat(SharedMessages.All))
        {
            Assert.IsFalse(string.IsNullOrWhiteSpace(text.En) || string.IsNullOrWhiteSpace(text.It), $"{id} needs both languages");
            CollectionAssert.AreEquivalent(MessageTemplate.Placeholders(text.En).Distinct().ToArray(), MessageTemplate.Placeholders(text.It).Distinct().ToArray(), $"{id}: the same placeholders in English and Italian");
        }
    }

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Every_finding_message_id_is_reported_by_some_recorded_case(string rule)
    {
        // The golden files record, by message id, what every rule test case and every sample reports.
        string recorded = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OutreachAdvisor.Analysis.Tests", "Golden", "rule-cases.txt"))
            + File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "OutreachAdvisor.Cli.Tests", "Golden", "samples.txt"));
        foreach (string id in RuleCatalog.Describe(rule)!.Findings.Keys)
            Assert.IsTrue(recorded.Contains(" " + id + " ", StringComparison.Ordinal), $"no test case or sample reports {id}: add one, or drop the message");
    }

    [TestMethod]
    [DynamicData(nameof(Rules))]
    public void Title_and_description_are_written_in_both_languages(string rule)
    {
        RuleDescription description = RuleCatalog.Describe(rule)!;
        Assert.AreNotEqual(description.Title.En, description.Title.It);
        Assert.AreNotEqual(description.Summary.En, description.Summary.It);
    }

    [TestMethod]
    public void A_template_renders_values_plurals_and_nested_reasons()
    {
        IReadOnlyDictionary<string, object> args = MessageArgs.Of(("count", 2), ("who", new[] { "a@x.example", "b@y.example" }), ("why", new Reason("mailbox/none")));
        Assert.AreEqual("2 links to a@x.example, b@y.example: no mailbox was given", MessageTemplate.Render("{count} {count|link|links} to {who}: {why}", args, "en"));
        Assert.AreEqual("1 link", MessageTemplate.Render("{count} {count|link|links}", MessageArgs.Of(("count", 1)), "en"));
        Assert.AreEqual("non è stata indicata una casella di posta", MessageTemplate.Render("{why}", args, "it"));
        Assert.ThrowsExactly<KeyNotFoundException>(() => MessageTemplate.Render("{missing}", args, "en"));
    }
}

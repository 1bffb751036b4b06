using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>
/// Shared checks for a rule's test class. A rule test class lists <c>MustFire</c> and <c>MustNotFire</c>
/// cases (both languages, enforced by <see cref="RuleCatalogTests"/>) and runs them through these.
/// </summary>
public abstract class RuleTestBase<TRule> where TRule : IRule, new()
{
    protected static readonly TRule Rule = new();

    protected static RuleOutcome Evaluate(RuleCase example, string uiLanguage = "en") => Rule.Evaluate(new RuleInput
    {
        Message = example.Message,
        Text = TextView.Create(example.Message),
        Context = example.Context ?? AnalysisContext.FromMessageOnly(example.Message),
        UiLanguage = uiLanguage,
    });

    protected static void AssertFires(RuleCase example)
    {
        RuleOutcome outcome = Evaluate(example);
        Finding[] serious = outcome.Findings.Where(f => f.Severity >= Severity.Warning).ToArray();
        Assert.IsNotEmpty(serious, $"{Rule.Descriptor.Name} should fire on '{example}' ({outcome.Status}: {outcome.Detail}).");
        Assert.AreEqual(CheckStatus.Failed, outcome.Status, example.ToString());
        foreach (Finding finding in serious)
        {
            Assert.AreEqual(Rule.Descriptor.Name, finding.Rule);
            Assert.IsFalse(string.IsNullOrWhiteSpace(finding.Message));
            Assert.IsFalse(string.IsNullOrWhiteSpace(finding.Suggestion));
            string plain = TextView.Create(example.Message).Text;
            foreach (Evidence evidence in finding.Evidence)
                Assert.AreEqual(evidence.Text, plain.Substring(evidence.Start, evidence.Length), "evidence must point into the plain text");
        }

        // The Italian wording exists and differs from the English one.
        RuleOutcome italian = Evaluate(example, "it");
        Assert.AreNotEqual(outcome.Findings[0].Message, italian.Findings[0].Message, "findings need an Italian message");
    }

    protected static void AssertQuiet(RuleCase example)
    {
        RuleOutcome outcome = Evaluate(example);
        Finding[] serious = outcome.Findings.Where(f => f.Severity >= Severity.Warning).ToArray();
        Assert.IsEmpty(serious, $"{Rule.Descriptor.Name} should stay quiet on '{example}' but said: {string.Join(" | ", serious.Select(f => f.Message))}");
        Assert.AreNotEqual(CheckStatus.Failed, outcome.Status);
    }

    protected static string Display(System.Reflection.MethodInfo method, object?[]? data) => $"{method.Name}({data?[0]})";
}

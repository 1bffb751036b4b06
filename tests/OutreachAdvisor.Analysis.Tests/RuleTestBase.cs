using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>
/// Shared checks for a rule's test class. A rule test class lists <c>MustFire</c> and <c>MustNotFire</c>
/// cases (both languages, enforced by <see cref="RuleCatalogTests"/>); the two test methods here run
/// every case of the derived class <typeparamref name="TTests"/>, like ESLint's valid/invalid lists.
/// </summary>
public abstract class RuleTestBase<TRule, TTests>
    where TRule : IRule, new()
    where TTests : RuleTestBase<TRule, TTests>
{
    protected static readonly TRule Rule = new();

    public static IEnumerable<object[]> FireCases => CasesOf("MustFire");

    public static IEnumerable<object[]> QuietCases => CasesOf("MustNotFire");

    [TestMethod]
    [DynamicData(nameof(FireCases))]
    public void Fires(RuleCase example) => AssertFires(example);

    [TestMethod]
    [DynamicData(nameof(QuietCases))]
    public void StaysQuiet(RuleCase example) => AssertQuiet(example);

    private static IEnumerable<object[]> CasesOf(string list) =>
        (IEnumerable<object[]>?)typeof(TTests).GetProperty(list)?.GetValue(null)
        ?? throw new InvalidOperationException($"{typeof(TTests).Name} needs a public static {list} list");

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

}

using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>
/// Shared checks for a rule's test class. A rule test class lists <c>MustFire</c> and <c>MustNotFire</c>
/// cases (both languages, enforced by <see cref="RuleCatalogTests"/>); the two test methods here run
/// every case of the derived class <typeparamref name="TTests"/>, like ESLint's valid/invalid lists:
/// a must-fire case names every warning or error it reports, by message key and quoted evidence.
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

    /// <summary>What the rule said about a case, in the reader's words: its check and its findings.</summary>
    protected sealed record Outcome(CheckStatus Status, string Detail, string DetailId, IReadOnlyList<Finding> Findings);

    /// <summary>Runs the rule alone through the analyzer, so its findings are rendered exactly as users see them.</summary>
    protected static Outcome Evaluate(RuleCase example, string uiLanguage = "en")
    {
        AnalysisResult result = new OutreachAnalyzer([Rule]).Analyze(example.Message, example.Context ?? AnalysisContext.FromMessageOnly(example.Message), uiLanguage);
        RuleCheck check = result.Checks.Single();
        return new Outcome(check.Status, check.Detail, check.DetailId, result.Findings);
    }

    /// <summary>The message id of a key of this rule: "placeholder" gives "personal-greeting/placeholder".</summary>
    protected static string Id(string messageKey) => Rule.Description.Name + "/" + messageKey;

    protected static void AssertFires(RuleCase example)
    {
        Outcome outcome = Evaluate(example);
        Finding[] serious = outcome.Findings.Where(f => f.Severity >= Severity.Warning).ToArray();
        Assert.IsNotEmpty(serious, $"{Rule.Description.Name} should fire on '{example}' ({outcome.Status}: {outcome.Detail}).");
        Assert.AreEqual(CheckStatus.Failed, outcome.Status, example.ToString());

        // Like ESLint's errors list: exactly the expected findings, by message id and quoted evidence.
        Assert.IsNotEmpty(example.Expected, $"'{example}' must say which findings it expects (.Expect(key, evidence...))");
        string[] expected = example.Expected.Select(e => $"{Id(e.MessageKey)} [{string.Join(" | ", e.Evidence)}]").ToArray();
        string[] actual = serious.Select(f => $"{f.MessageId} [{string.Join(" | ", f.Evidence.Select(e => e.Text))}]").ToArray();
        CollectionAssert.AreEqual(expected, actual, $"'{example}': expected {string.Join("; ", expected)} but got {string.Join("; ", actual)}");

        string plain = TextView.Create(example.Message).Text;
        foreach (Finding finding in serious)
        {
            Assert.AreEqual(Rule.Description.Name, finding.Rule);
            Assert.IsFalse(string.IsNullOrWhiteSpace(finding.Message));
            Assert.IsFalse(string.IsNullOrWhiteSpace(finding.Suggestion));
            foreach (Evidence evidence in finding.Evidence)
                Assert.AreEqual(evidence.Text, plain.Substring(evidence.Start, evidence.Length), "evidence must point into the plain text");
        }

        // The Italian wording exists, differs from the English one, and keeps the message ids.
        Outcome italian = Evaluate(example, "it");
        Assert.AreNotEqual(outcome.Findings[0].Message, italian.Findings[0].Message, "findings need an Italian message");
        CollectionAssert.AreEqual(outcome.Findings.Select(f => f.MessageId).ToArray(), italian.Findings.Select(f => f.MessageId).ToArray());
    }

    protected static void AssertQuiet(RuleCase example)
    {
        Outcome outcome = Evaluate(example);
        Finding[] serious = outcome.Findings.Where(f => f.Severity >= Severity.Warning).ToArray();
        Assert.IsEmpty(serious, $"{Rule.Description.Name} should stay quiet on '{example}' but said: {string.Join(" | ", serious.Select(f => f.Message))}");
        Assert.AreNotEqual(CheckStatus.Failed, outcome.Status);
    }
}

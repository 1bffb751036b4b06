using System.Globalization;
using System.Reflection;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Analysis.Tests;

/// <summary>
/// Every must-fire and must-not-fire case of every rule test class, run through the whole analysis:
/// which rules fire, at what severity, about whom, with which evidence, and each check's status.
/// A refactoring must leave Golden/rule-cases.txt unchanged; a change of semantics updates it.
/// </summary>
[TestClass]
public sealed class GoldenTests
{
    [TestMethod]
    public void Every_rule_test_case_gives_the_recorded_findings()
    {
        var lines = new List<string>();
        foreach (Type type in typeof(GoldenTests).Assembly.GetTypes().Where(t => t.Namespace == "OutreachAdvisor.Analysis.Tests.Rules").OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            foreach (string list in new[] { "MustFire", "MustNotFire" })
            {
                if (type.GetProperty(list, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) is not IEnumerable<object[]> rows)
                    continue;
                foreach (RuleCase example in rows.Select(r => (RuleCase)r[0]))
                {
                    AnalysisResult result = OutreachAnalyzer.Default.Analyze(example.Message, example.Context ?? AnalysisContext.FromMessageOnly(example.Message));
                    lines.Add($"{type.Name} {list} {example}");
                    lines.AddRange(Describe(result).Select(l => "  " + l));
                }
            }
        }
        GoldenFile.AssertMatches("tests/OutreachAdvisor.Analysis.Tests/Golden/rule-cases.txt", lines);
    }

    /// <summary>One line per finding and one for the checks, independent of the wording.</summary>
    public static IEnumerable<string> Describe(AnalysisResult result)
    {
        foreach (Finding finding in result.Findings)
        {
            string evidence = string.Join(" ", finding.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Start}+{e.Length}")));
            yield return $"{finding.Rule} {finding.Severity} to={finding.Recipient ?? "-"} at=[{evidence}]";
        }
        yield return "checks " + string.Join(" ", result.Checks.Select(c => $"{c.Rule}:{c.Status}"));
    }
}

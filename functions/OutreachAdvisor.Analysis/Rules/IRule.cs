namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// An etiquette rule: a pure function from the message's text view and its gathered context to a
/// check and findings. A rule is one folder, Rules/&lt;Name&gt;/, with its logic and its rule.json;
/// its doc page is docs/rules/&lt;name&gt;.md and its tests a class beside the other rules' tests.
/// <see cref="RuleCatalog"/> lists the rules explicitly.
/// </summary>
public interface IRule
{
    RuleDescription Description { get; }

    RuleOutcome Evaluate(RuleInput input);
}

using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>The shared shape of the built-in rules: the description read from the folder's rule.json, and ids scoped to the rule.</summary>
public abstract class Rule(string folder) : IRule
{
    public RuleDescription Description { get; } = RuleDescription.Load(folder);

    public abstract RuleOutcome Evaluate(RuleInput input);

    /// <summary>A finding of this rule with the message <paramref name="key"/> of its rule.json.</summary>
    protected RuleFinding Finding(string key, Severity severity) => new(Description.Name + "/" + key, severity);

    /// <summary>A check detail of this rule: the sentence <paramref name="key"/> of its rule.json's "checks".</summary>
    protected Reason Detail(string key, params (string Name, object Value)[] values) => new(Description.Name + "/check." + key, MessageArgs.Of(values));

    /// <summary>The named values of a finding's message.</summary>
    protected static IReadOnlyDictionary<string, object> Values(params (string Name, object Value)[] values) => MessageArgs.Of(values);
}

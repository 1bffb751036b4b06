using OutreachAdvisor.Analysis.Rules.EngageBeforeAsking;
using OutreachAdvisor.Analysis.Rules.ListedAddress;
using OutreachAdvisor.Analysis.Rules.MutualBenefit;
using OutreachAdvisor.Analysis.Rules.NoAutomation;
using OutreachAdvisor.Analysis.Rules.NoPersonalDetails;
using OutreachAdvisor.Analysis.Rules.PersonalGreeting;
using OutreachAdvisor.Analysis.Rules.PrivateChannel;
using OutreachAdvisor.Analysis.Rules.RightRecipient;
using OutreachAdvisor.Analysis.Rules.SpecificReference;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// The built-in rules, in the contract's table order (the order of checks, lists and docs). Adding a
/// rule is its folder, its doc page and its tests - and one line here.
/// </summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> BuiltIn { get; } =
    [
        new EngageBeforeAskingRule(),
        new PrivateChannelRule(),
        new ListedAddressRule(),
        new NoPersonalDetailsRule(),
        new MutualBenefitRule(),
        new PersonalGreetingRule(),
        new RightRecipientRule(),
        new SpecificReferenceRule(),
        new NoAutomationRule(),
    ];

    public static IReadOnlyList<RuleDescription> Descriptions { get; } = BuiltIn.Select(r => r.Description).ToArray();

    public static IRule? Find(string name) => BuiltIn.FirstOrDefault(r => r.Description.Name == name);

    public static RuleDescription? Describe(string name) => Find(name)?.Description;
}

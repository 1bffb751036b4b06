using System.Collections.Frozen;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.PrivateChannel;

/// <summary>
/// Article rule 2, "send requests through private channels": an ask that several outside people can
/// see each other receive (To + Cc), or that goes to a mailing list or group address.
/// </summary>
public sealed class PrivateChannelRule() : Rule("PrivateChannel")
{
    // What makes an address a list or group (rule.json "words"): a local part ("team", "soci"), a suffix
    // ("-announce"), a domain prefix ("lists.") or a list host (googlegroups.com); all case-insensitive.
    private static readonly RuleDescription Lists = RuleDescription.Load("PrivateChannel");
    private static readonly FrozenSet<string> ListLocalParts = Lists.Words("listLocalParts");
    private static readonly FrozenSet<string> ListSuffixes = Lists.Words("listLocalSuffixes");
    private static readonly FrozenSet<string> ListDomainPrefixes = Lists.Words("listDomainPrefixes");
    private static readonly FrozenSet<string> ListDomains = Lists.Words("listDomains");

    public override RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutAsk() is { } early)
            return early;

        IReadOnlyList<TextSpan> ask = input.FirstAsk;
        var findings = new List<RuleFinding>();
        EmailAddress[] visible = input.Message.To.Concat(input.Message.Cc)
            .DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase)
            .Where(r => !input.Context.Organization.Contains(r))
            .ToArray();
        if (visible.Length > 1)
        {
            string[] addresses = visible.Select(r => r.Address).ToArray();
            findings.Add(Finding("visible-group", Severity.Warning) with
            {
                Args = Values(("count", visible.Length), ("recipients", addresses)),
                Evidence = ask,
                Recipients = addresses,
            });
        }

        foreach (EmailAddress list in input.Message.AllRecipients.Where(IsListAddress))
        {
            findings.Add(Finding("list-address", Severity.Warning) with { Args = Values(("recipient", list.Address)), Evidence = ask, Recipients = [list.Address] });
        }

        return RuleOutcome.From(findings, Detail("failed"), Detail("private"));
    }

    public static bool IsListAddress(EmailAddress address)
    {
        string local = address.LocalPart.Trim();
        string domain = address.Domain;
        return ListLocalParts.Contains(local)
            || ListSuffixes.Any(s => local.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            || ListDomainPrefixes.Any(p => domain.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || ListDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase))
            || (address.Name?.Contains("mailing list", StringComparison.OrdinalIgnoreCase) ?? false);
    }
}

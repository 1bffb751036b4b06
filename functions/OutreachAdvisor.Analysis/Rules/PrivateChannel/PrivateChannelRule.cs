using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.PrivateChannel;

/// <summary>
/// Article rule 2, "send requests through private channels": an ask that several outside people can
/// see each other receive (To + Cc), or that goes to a mailing list or group address.
/// </summary>
public sealed class PrivateChannelRule() : Rule("PrivateChannel")
{
    private static readonly HashSet<string> ListLocalParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "everyone", "everybody", "staff", "team", "list", "lists", "announce", "announcements", "members", "group", "groups", "community",
        "tutti", "soci", "iscritti", "undisclosed-recipients", "all-staff", "allstaff", "all-hands", "all-company", "everyone-staff",
    };

    private static readonly string[] ListSuffixes = ["-l", "-list", "-all", "-group", "-team", "-members", "-announce", "-discuss", "-users"];
    private static readonly string[] ListDomainPrefixes = ["lists.", "list.", "groups."];
    private static readonly string[] ListDomains = ["googlegroups.com", "groups.io", "freelists.org"];

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
            || ListDomainPrefixes.Any(p => domain.StartsWith(p, StringComparison.Ordinal))
            || ListDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal))
            || (address.Name?.Contains("mailing list", StringComparison.OrdinalIgnoreCase) ?? false);
    }
}

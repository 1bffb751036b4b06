using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// Article rule 2, "send requests through private channels": an ask that several outside people can
/// see each other receive (To + Cc), or that goes to a mailing list or group address.
/// </summary>
public sealed class PrivateChannelRule : IRule
{
    private static readonly HashSet<string> ListLocalParts = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "everyone", "everybody", "staff", "team", "list", "lists", "announce", "announcements", "members", "group", "groups", "community",
        "tutti", "soci", "iscritti", "undisclosed-recipients",
    };

    private static readonly string[] ListSuffixes = ["-l", "-list", "-all", "-group", "-team", "-members", "-announce", "-discuss", "-users"];
    private static readonly string[] ListDomainPrefixes = ["lists.", "list.", "groups."];
    private static readonly string[] ListDomains = ["googlegroups.com", "groups.io", "freelists.org"];

    public RuleDescriptor Descriptor { get; } = new("private-channel", "channel", ArticleRule: 2, Order: 2, "Ask privately");

    public RuleOutcome Evaluate(RuleInput input)
    {
        if (input.OutcomeWithoutAsk() is { } early)
            return early;

        Evidence[] ask = input.FirstAsk;
        var findings = new List<Finding>();
        EmailAddress[] visible = input.Message.To.Concat(input.Message.Cc)
            .DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase)
            .Where(r => !input.Context.IsSameOrganization(r))
            .ToArray();
        if (visible.Length > 1)
        {
            string names = string.Join(", ", visible.Select(r => r.Address));
            findings.Add(Descriptor.Finding(Severity.Warning,
                input.T($"This ask goes to {visible.Length} people outside your organisation who can all see each other: {names}.",
                        $"Questa richiesta arriva a {visible.Length} persone esterne che si vedono a vicenda: {names}."),
                input.T("Write to each person separately, in a message of their own. A request in front of others puts them on the spot.",
                        "Scrivi a ciascuno separatamente, con un messaggio personale. Una richiesta davanti ad altri mette in imbarazzo."),
                ask));
        }

        foreach (EmailAddress list in input.Message.AllRecipients.Where(IsListAddress))
        {
            findings.Add(Descriptor.Finding(Severity.Warning,
                input.T($"{list.Address} looks like a mailing list or group address.", $"{list.Address} sembra una lista o un indirizzo di gruppo."),
                input.T("Send a request to one person, privately, not to a list.", "Invia la richiesta a una sola persona, in privato, non a una lista."),
                ask, list.Address));
        }

        return RuleOutcome.From(findings,
            input.T("The ask is not private.", "La richiesta non è privata."),
            input.T("The ask goes privately to one outside person.", "La richiesta va in privato a una sola persona esterna."));
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

using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Rules.NoAutomation;

/// <summary>
/// Article rule 5, "the worst: auto-messaging": thanks-for-following formulas, "let's connect on
/// &lt;network&gt;: &lt;link&gt;", a dump of two or more self-promotional links, and a mass mailing hidden in Bcc.
/// (In sent-mail reports the same text sent to three or more people also counts.)
/// </summary>
public sealed class NoAutomationRule() : Rule("NoAutomation")
{
    // How far before a link a promotional phrase may stand ("My ebooks: http://...").
    private const int PromotionReach = 60;
    private const int MassBccRecipients = 5;

    public override RuleOutcome Evaluate(RuleInput input)
    {
        var findings = new List<RuleFinding>();
        TextView text = input.Text;
        if (text.IsChecked)
        {
            string language = text.Language;
            foreach (TextSpan formula in text.Find(Description.Phrases("autoMessage", language)))
                findings.Add(Finding("formula", Severity.Error) with { Args = Values(("formula", text[formula])), Evidence = [formula] });

            IReadOnlyList<TextSpan> connects = text.Find(Description.Phrases("connectOnNetwork", language));
            TextSpan[] promotions = [.. text.Find(Description.Phrases("selfPromotion", language)), .. connects];
            TextSpan[] promotedLinks = text.Links.Where(link => promotions.Any(p => p.End <= link.Start && link.Start - p.End <= PromotionReach)).ToArray();
            // Two or more links of the sender's (anything not on a recipient's own site) is a link dump whatever the
            // words around them: "Portfolio: ..., Dribbble: ..., Instagram: ...", "Pitch deck: ..., Video: ...".
            TextSpan[] sendersLinks = OwnLinks(input);
            if (promotedLinks.Length < 2 && sendersLinks.Length >= 2)
                promotedLinks = sendersLinks;
            if (promotedLinks.Length >= 2 || connects.Any(c => text.Links.Any(l => l.Start >= c.End && l.Start - c.End <= PromotionReach)))
                findings.Add(Finding("promoted-links", Severity.Error) with { Args = Values(("count", Math.Max(1, promotedLinks.Length))), Evidence = promotedLinks });
        }

        int hidden = input.Message.Bcc.Count(r => !input.Context.Organization.Contains(r));
        if (hidden >= MassBccRecipients)
            findings.Add(Finding("mass-bcc", Severity.Warning) with { Args = Values(("count", hidden)) });

        if (findings.Count == 0 && !text.IsChecked)
            return RuleOutcome.Skipped(input.LanguageNotChecked);
        return RuleOutcome.From(findings, Detail("automated"), Detail("none"));
    }

    /// <summary>Links in the new text to distinct addresses that are not on a recipient's domain (their own pages are references).</summary>
    private static TextSpan[] OwnLinks(RuleInput input)
    {
        string[] recipientDomains = input.Message.AllRecipients.Select(r => r.Domain).Where(d => d.Length > 0 && !Context.PublicMailDomains.Contains(d)).ToArray();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var links = new List<TextSpan>();
        foreach (TextSpan link in input.Text.Links)
        {
            string url = input.Text[link].TrimEnd('.', ',', ';', ':', '!', '?');
            string host = Host(url);
            if (recipientDomains.Any(d => host.Equals(d, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + d, StringComparison.OrdinalIgnoreCase)))
                continue;
            if (seen.Add(url))
                links.Add(link);
        }
        return [.. links];
    }

    private static string Host(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) is var scheme and >= 0 ? scheme + 3 : 0;
        int end = url.IndexOfAny(['/', '?', '#', ':'], start);
        return url[start..(end < 0 ? url.Length : end)];
    }
}

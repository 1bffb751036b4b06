using System.Collections.Frozen;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules.ListedAddress;

/// <summary>
/// Article rule 2, "e-mail only if the person listed an address": for a recipient with no legitimate
/// source (no mail received from them, not a contact, not a colleague), the address must be listed:
/// on the page where the sender found it, or (discovery) on the recipient's organisation's own site.
/// Role addresses (info@, press@, redazione@...) are listed by nature.
/// </summary>
public sealed class ListedAddressRule() : Rule("ListedAddress")
{
    private static readonly FrozenSet<string> RoleLocalParts = RuleDescription.Load("ListedAddress").Words("roleLocalParts");

    public override RuleOutcome Evaluate(RuleInput input)
    {
        var findings = new List<RuleFinding>();
        var unverified = new List<object>();
        var listed = new List<object>();
        var pages = new List<string>();
        int checkedPages = 0;
        // Only cold recipients: a colleague, a contact, someone who wrote or someone met elsewhere needs no listing.
        foreach (EmailAddress recipient in input.ColdRecipients)
        {
            RecipientFacts facts = input.Context.For(recipient);
            if (IsRoleAddress(recipient))
            {
                listed.Add(Detail("item-role", ("recipient", recipient.Address)));
                continue;
            }

            FoundAtVerdict? verdict = facts.FoundAt;
            switch (verdict?.Status)
            {
                case FoundAtStatus.Listed when verdict.Discovered:
                    listed.Add(Detail("item-on-site", ("recipient", recipient.Address), ("page", verdict.Page ?? verdict.Domain ?? string.Empty)));
                    if (IsWebPage(verdict.Page) && !pages.Contains(verdict.Page!))
                        pages.Add(verdict.Page!);
                    break;
                case FoundAtStatus.Listed:
                    checkedPages++;
                    listed.Add(Detail("item-on-given-page", ("recipient", recipient.Address)));
                    break;
                case FoundAtStatus.NotListed when verdict.Discovered:
                    // Not on the pages looked at is no proof it is unlisted: ask, do not warn.
                    unverified.Add(Detail("unverified-page", ("recipient", recipient.Address), ("reason", verdict.Detail)));
                    findings.Add(Finding("not-found-on-site", Severity.Info) with
                    {
                        Args = Values(("recipient", recipient.Address), ("domain", verdict.Domain ?? recipient.Domain), ("pages", verdict.PagesRead)),
                        Recipients = [recipient.Address],
                    });
                    break;
                case FoundAtStatus.NotListed:
                    findings.Add(Finding("not-on-page", Severity.Warning) with
                    {
                        Args = Values(("recipient", recipient.Address), ("source", facts.FoundAtSource!)),
                        Recipients = [recipient.Address],
                    });
                    break;
                case FoundAtStatus.Unavailable when verdict.Discovered:
                    unverified.Add(Detail("unverified-page", ("recipient", recipient.Address), ("reason", verdict.Detail)));
                    findings.Add(WhereFound(recipient));
                    break;
                case FoundAtStatus.Unavailable:
                    unverified.Add(Detail("unverified-page", ("recipient", recipient.Address), ("reason", verdict.Detail)));
                    break;
                default:
                    unverified.Add(recipient.Address);
                    findings.Add(WhereFound(recipient));
                    break;
            }
        }

        if (findings.Any(f => f.Severity >= Severity.Warning))
            return RuleOutcome.Failed(Detail("not-on-page"), findings);
        if (unverified.Count > 0)
            return RuleOutcome.Skipped(Detail("not-verified", ("recipients", new ReasonList(unverified, "; "))), findings);
        if (listed.Count > checkedPages)
            return RuleOutcome.Passed(Detail("listed", ("items", new ReasonList(listed, "; ")))) with { Links = pages.Count > 0 ? pages : null };
        // Every cold recipient gave a listing, an unverified entry or a finding above, so here either all were
        // on the pages given or none is cold.
        return RuleOutcome.Passed(checkedPages > 0 ? Detail("all-on-page") : input.WhyNoneCold());
    }

    /// <summary>
    /// An address a team, not a person, answers (info@, press@, redazione@, ufficio.stampa@...): it exists
    /// to be written to, so it is listed by nature and never looked up. "+tags" are ignored; "_" and "-"
    /// count as ".".
    /// </summary>
    public static bool IsRoleAddress(EmailAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        string local = address.LocalPart.Trim().ToLowerInvariant();
        int plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
            local = local[..plus];
        local = local.Replace('_', '.').Replace('-', '.');
        return RoleLocalParts.Contains(local);
    }

    private static bool IsWebPage(string? page) =>
        Uri.TryCreate(page, UriKind.Absolute, out Uri? url) && url.Scheme is "http" or "https";

    private RuleFinding WhereFound(EmailAddress recipient) =>
        Finding("where-found", Severity.Info) with { Args = Values(("recipient", recipient.Address)), Recipients = [recipient.Address] };
}

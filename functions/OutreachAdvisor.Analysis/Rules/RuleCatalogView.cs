
namespace OutreachAdvisor.Analysis.Rules;

/// <summary>
/// The rule catalogue as clients read it (<c>GET /api/rules</c>, <c>outreach rules --json</c>, the add-in's
/// offline copy): every rule's name, category, severity, send policy, title, description, help page and
/// message ids, in one language (contract section 7).
/// </summary>
public sealed record RuleCatalogView(string Language, IReadOnlyList<RuleCatalogEntry> Rules)
{
    public static RuleCatalogView For(string language)
    {
        string ui = UiLanguages.Normalize(language);
        return new RuleCatalogView(ui, RuleCatalog.Descriptions.Select(d => new RuleCatalogEntry(
            d.Name, d.Category.Name(), d.ArticleRule, d.DefaultSeverity, d.BlocksSend, d.PromptsOnSend,
            d.Title.In(ui), d.Summary.In(ui), d.HelpUri, d.Findings.Keys.Order(StringComparer.Ordinal).ToArray())).ToArray());
    }
}

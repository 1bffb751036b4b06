
namespace OutreachAdvisor.Analysis.Rules;

public static class RuleCategories
{
    /// <summary>The contract's kebab-case name: "relationship", "personalisation"...</summary>
    public static string Name(this RuleCategory category) => category.ToString().ToLowerInvariant();

    /// <summary>The category as a reader sees it ("Relationship", "Relazione").</summary>
    public static string Title(this RuleCategory category, string language) => Messages.Localizer.Render(new Messages.Reason("category/" + category.Name()), language);

    /// <summary>The category of a contract name ("personalisation"), or null for names that are none.</summary>
    public static RuleCategory? Parse(string? name) => Enum.TryParse(name, ignoreCase: true, out RuleCategory category) ? category : null;
}

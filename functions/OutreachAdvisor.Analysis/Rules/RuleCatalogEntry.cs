using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Rules;

/// <summary>One rule in the catalogue.</summary>
/// <param name="BlocksSend">An error of this rule stops sending (the on-send check's soft block).</param>
/// <param name="PromptsOnSend">A warning of this rule asks "send anyway?" before sending.</param>
/// <param name="HelpUri">The rule's doc page, relative to the add-in's origin.</param>
public sealed record RuleCatalogEntry(
    string Name, string Category, int ArticleRule, Severity DefaultSeverity, bool BlocksSend, bool PromptsOnSend,
    string Title, string Description, string HelpUri, IReadOnlyList<string> MessageIds);

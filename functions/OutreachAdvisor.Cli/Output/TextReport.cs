using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;

namespace OutreachAdvisor.Cli.Output;

/// <summary>
/// The readable output of <c>outreach check</c> and <c>outreach rules</c>: findings grouped by category
/// (names and rule titles from the rule catalogue), evidence quoted, suggestions, then what was checked.
/// Everything taken from the message goes through <see cref="Terminal.Safe"/>.
/// </summary>
public static class TextReport
{
    public static void Write(TextWriter output, string source, MessageInput message, AnalysisResult result, string uiLanguage, Colors c)
    {
        string T(string en, string it) => uiLanguage == "it" ? it : en;

        output.WriteLine($"{c.Bold}{Terminal.Safe(source)}{c.Reset}");
        output.WriteLine($"  {T("To", "A")}: {Terminal.Safe(string.Join(", ", message.To))}   {T("Subject", "Oggetto")}: {Terminal.Safe(message.Subject)}");
        output.WriteLine($"  {T("Language", "Lingua")}: {Terminal.Safe(result.Language)}   {T("Ask", "Richiesta")}: {(result.Ask ? T("yes", "sì") : "no")}   {T("Score", "Punteggio")}: {ScoreText(result, uiLanguage, c)}");

        if (result.Findings.Count == 0)
        {
            output.WriteLine();
            output.WriteLine($"{c.Green}{T("No problems found.", "Nessun problema trovato.")}{c.Reset}");
        }

        foreach (IGrouping<RuleCategory?, Finding> category in result.Findings.GroupBy(f => RuleCategories.Parse(f.Category)).OrderBy(g => g.Key ?? (RuleCategory)int.MaxValue))
        {
            output.WriteLine();
            output.WriteLine($"{c.Bold}{category.Key?.Title(uiLanguage) ?? T("Other", "Altro")}{c.Reset}");
            foreach (Finding finding in category.OrderByDescending(f => f.Severity))
            {
                output.WriteLine($"  {SeverityLabel(finding.Severity, uiLanguage, c)}  {Terminal.Safe(finding.Message)}  {c.Dim}[{finding.Rule}]{c.Reset}");
                foreach (Evidence evidence in finding.Evidence)
                    output.WriteLine($"      {c.Dim}\"{Terminal.Safe(evidence.Text.ReplaceLineEndings(" "))}\" ({T("at", "a")} {evidence.Start}){c.Reset}");
                output.WriteLine($"      -> {Terminal.Safe(finding.Suggestion)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"{c.Bold}{T("Checks", "Controlli")}{c.Reset}");
        string[] titles = result.Checks.Select(k => RuleCatalog.Describe(k.Rule)?.Title.In(uiLanguage) ?? k.Rule).ToArray();
        int width = titles.Length == 0 ? 0 : titles.Max(t => t.Length);
        for (int i = 0; i < result.Checks.Count; i++)
            output.WriteLine($"  {StatusLabel(result.Checks[i].Status, uiLanguage, c)}  {titles[i].PadRight(width)}  {Terminal.Safe(result.Checks[i].Detail)}");

        int errors = result.Findings.Count(f => f.Severity == Severity.Error);
        int warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
        int hints = result.Findings.Count(f => f.Severity == Severity.Info);
        output.WriteLine();
        output.WriteLine(T($"{errors} error(s), {warnings} warning(s), {hints} hint(s). Each rule is explained in docs/rules/<rule>.md (outreach rules lists them).",
                           $"{errors} errori, {warnings} avvisi, {hints} suggerimenti. Ogni regola è spiegata in docs/rules/<regola>.md (outreach rules le elenca)."));
    }

    /// <summary><c>outreach rules</c>: one line per rule, grouped by category.</summary>
    public static void WriteCatalogue(TextWriter output, RuleCatalogView catalogue, Colors c)
    {
        int width = catalogue.Rules.Max(r => r.Name.Length);
        foreach (IGrouping<string, RuleCatalogEntry> category in catalogue.Rules.GroupBy(r => r.Category))
        {
            output.WriteLine($"{c.Bold}{RuleCategories.Parse(category.Key)?.Title(catalogue.Language) ?? category.Key}{c.Reset}");
            foreach (RuleCatalogEntry rule in category)
            {
                string stops = rule.BlocksSend ? (catalogue.Language == "it" ? "  (un errore blocca l'invio)" : "  (an error stops sending)") : string.Empty;
                output.WriteLine($"  {rule.Name.PadRight(width)}  {rule.Title}: {rule.Description}{c.Dim}{stops}{c.Reset}");
            }
        }
    }

    /// <summary>"82/100", "82/100 (7 of 9 checks ran)", or, with no score, "not checked" / "partial: 2 of 9 checks ran" - never a number that was not earned.</summary>
    private static string ScoreText(AnalysisResult result, string ui, Colors c)
    {
        (int ran, int of) = (result.Coverage.Checked, result.Coverage.Of);
        string partial = ui == "it" ? $"{ran} controlli su {of}" : $"{ran} of {of} checks ran";
        if (result.Score is not int score)
            return $"{c.Dim}{(ran == 0 ? (ui == "it" ? "non controllato" : "not checked") : (ui == "it" ? "parziale: " : "partial: ") + partial)}{c.Reset}";
        string color = score >= 80 ? c.Green : score >= 50 ? c.Yellow : c.Red;
        return $"{color}{score}/100{c.Reset}" + (ran < of ? $" {c.Dim}({partial}){c.Reset}" : string.Empty);
    }

    private static string SeverityLabel(Severity severity, string ui, Colors c) => severity switch
    {
        Severity.Error => $"{c.Red}{(ui == "it" ? "ERRORE " : "ERROR  ")}{c.Reset}",
        Severity.Warning => $"{c.Yellow}{(ui == "it" ? "AVVISO " : "WARNING")}{c.Reset}",
        _ => $"{c.Blue}{(ui == "it" ? "NOTA   " : "HINT   ")}{c.Reset}",
    };

    private static string StatusLabel(CheckStatus status, string ui, Colors c) => status switch
    {
        CheckStatus.Passed => $"{c.Green}{(ui == "it" ? "ok      " : "passed  ")}{c.Reset}",
        CheckStatus.Failed => $"{c.Red}{(ui == "it" ? "fallito " : "failed  ")}{c.Reset}",
        _ => $"{c.Dim}{(ui == "it" ? "saltato " : "skipped ")}{c.Reset}",
    };
}

using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Cli.Output;

/// <summary>ANSI colours, only when writing to a terminal and NO_COLOR is not set.</summary>
public sealed record Colors(string Red, string Yellow, string Blue, string Green, string Dim, string Bold, string Reset)
{
    public static readonly Colors None = new("", "", "", "", "", "", "");
    private static readonly Colors Ansi = new("\u001b[31m", "\u001b[33m", "\u001b[36m", "\u001b[32m", "\u001b[2m", "\u001b[1m", "\u001b[0m");

    public static Colors For(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null ? Ansi : None;
}

/// <summary>The readable report of <c>outreach check</c>: findings grouped by category, evidence quoted, suggestions, then what was checked.</summary>
public static class TextReport
{
    private static readonly string[] CategoryOrder = ["relationship", "channel", "reciprocity", "personalisation", "automation"];

    public static void Write(TextWriter output, string source, MessageInput message, AnalysisResult result, string uiLanguage, Colors c)
    {
        string T(string en, string it) => uiLanguage == "it" ? it : en;

        output.WriteLine($"{c.Bold}{source}{c.Reset}");
        output.WriteLine($"  {T("To", "A")}: {string.Join(", ", message.To)}   {T("Subject", "Oggetto")}: {message.Subject}");
        output.WriteLine($"  {T("Language", "Lingua")}: {result.Language}   {T("Ask", "Richiesta")}: {(result.Ask ? T("yes", "sì") : "no")}   {T("Score", "Punteggio")}: {ScoreColor(result.Score, c)}{result.Score}/100{c.Reset}");

        if (result.Findings.Count == 0)
        {
            output.WriteLine();
            output.WriteLine($"{c.Green}{T("No problems found.", "Nessun problema trovato.")}{c.Reset}");
        }

        foreach (IGrouping<string, Finding> category in result.Findings
            .GroupBy(f => f.Category ?? "other")
            .OrderBy(g => Array.IndexOf(CategoryOrder, g.Key) is var i && i < 0 ? int.MaxValue : i))
        {
            output.WriteLine();
            output.WriteLine($"{c.Bold}{CategoryName(category.Key, uiLanguage)}{c.Reset}");
            foreach (Finding finding in category.OrderByDescending(f => f.Severity))
            {
                output.WriteLine($"  {SeverityLabel(finding.Severity, uiLanguage, c)}  {finding.Message}  {c.Dim}[{finding.Rule}]{c.Reset}");
                foreach (Evidence evidence in finding.Evidence)
                    output.WriteLine($"      {c.Dim}\"{OneLine(evidence.Text)}\" ({T("at", "a")} {evidence.Start}){c.Reset}");
                output.WriteLine($"      -> {finding.Suggestion}");
            }
        }

        output.WriteLine();
        output.WriteLine($"{c.Bold}{T("Checks", "Controlli")}{c.Reset}");
        int width = result.Checks.Count == 0 ? 0 : result.Checks.Max(k => k.Rule.Length);
        foreach (RuleCheck check in result.Checks)
            output.WriteLine($"  {StatusLabel(check.Status, uiLanguage, c)}  {check.Rule.PadRight(width)}  {check.Detail}");

        int errors = result.Findings.Count(f => f.Severity == Severity.Error);
        int warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
        int hints = result.Findings.Count(f => f.Severity == Severity.Info);
        output.WriteLine();
        output.WriteLine(T($"{errors} error(s), {warnings} warning(s), {hints} hint(s). Each rule is explained in docs/rules/<rule>.md.",
                           $"{errors} errori, {warnings} avvisi, {hints} suggerimenti. Ogni regola è spiegata in docs/rules/<regola>.md."));
    }

    private static string ScoreColor(int score, Colors c) => score >= 80 ? c.Green : score >= 50 ? c.Yellow : c.Red;

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

    private static string CategoryName(string category, string ui) => (category, ui) switch
    {
        ("relationship", "it") => "Relazione",
        ("channel", "it") => "Canale",
        ("reciprocity", "it") => "Reciprocità",
        ("personalisation", "it") => "Personalizzazione",
        ("automation", "it") => "Automazione",
        _ => char.ToUpperInvariant(category[0]) + category[1..],
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}

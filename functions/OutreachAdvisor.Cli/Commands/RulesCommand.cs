using System.CommandLine;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Cli.Output;

namespace OutreachAdvisor.Cli.Commands;

/// <summary>
/// <c>outreach rules [--json] [--lang en|it]</c>: the rule catalogue, exactly as <c>GET /api/rules</c>
/// answers it. The add-in's offline copy (addin/src/generated/rules.&lt;lang&gt;.json) is this output.
/// </summary>
public static class RulesCommand
{
    public static Command Create(CliStreams streams)
    {
        Option<bool> json = CommonOptions.Json("Print the catalogue as GET /api/rules answers it");
        Option<string> lang = CommonOptions.Lang();
        var command = new Command("rules", "Lists the rules: name, category, what each checks, and whether it stops sending.") { json, lang };
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var catalogue = RuleCatalogView.For(parsed.GetValue(lang)!);
            if (parsed.GetValue(json))
                await streams.Stdout.WriteLineAsync(AnalysisJson.Serialize(catalogue)).ConfigureAwait(false);
            else
                TextReport.WriteCatalogue(streams.Stdout, catalogue, Colors.For(streams.Stdout));
            return OutreachCli.Clean;
        });
        return command;
    }
}

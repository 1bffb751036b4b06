using System.CommandLine;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Cli.Output;
using OutreachAdvisor.FoundAt;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Cli.Commands;

/// <summary><c>outreach check MESSAGE.eml [--mailbox PATH]... [--found-at ADDRESS=URL_OR_FILE]... [--discover] [--json] [--lang en|it]</c></summary>
public static class CheckCommand
{
    public static Command Create(CliStreams streams)
    {
        var message = new Argument<string>("MESSAGE") { Description = "The message to check: an .eml file, or - for standard input" };
        Option<string[]> mailbox = CommonOptions.Mailbox("A folder of .eml/.mbox/.vcf files standing in for your mailbox (searched recursively); repeatable");
        var foundAt = new Option<string[]>("--found-at")
        {
            Description = "Where you found a recipient's address: ADDRESS=URL_OR_FILE (a web page, or a saved HTML/text file); repeatable",
            HelpName = "ADDRESS=URL_OR_FILE",
            AllowMultipleArgumentsPerToken = false,
        };
        var discover = new Option<bool>("--discover")
        {
            Description = "Look for new recipients' addresses on their organisation's own site (home, contact, team, about pages; robots.txt honoured; at most 8 pages and 3 s per domain). Off by default: without it, only --found-at URLs are fetched",
        };
        Option<bool> json = CommonOptions.Json("Print exactly the contract's result object (JSON)");
        Option<string> lang = CommonOptions.Lang();

        var command = new Command("check", "Checks one message for the etiquette mistakes that get outreach ignored. Exit code 0: nothing to fix; 1: warnings or errors; 2: bad input.")
        {
            message, mailbox, foundAt, discover, json, lang,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetValue(message)!, parsed.GetValue(mailbox) ?? [], parsed.GetValue(foundAt) ?? [], parsed.GetValue(json), parsed.GetValue(lang)!, streams, cancellationToken,
            parsed.GetValue(discover) ? streams.NewDiscovery() : null));
        return command;
    }

    /// <param name="discovery">Looks for addresses on their organisation's site (--discover); null: no discovery, no network for it.</param>
    public static async Task<int> RunAsync(string path, IReadOnlyList<string> mailboxPaths, IReadOnlyList<string> foundAtValues, bool json, string uiLanguage, CliStreams streams, CancellationToken cancellationToken,
        IAddressDiscovery? discovery = null)
    {
        Dictionary<string, string> foundAt = ParseFoundAt(foundAtValues);
        MessageInput message = path == "-"
            ? await MessageFile.ReadAsync(streams.Stdin, "standard input", cancellationToken).ConfigureAwait(false)
            : await MessageFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (foundAt.Count > 0)
            message = message with { FoundAt = foundAt };

        var sources = new ContextSources
        {
            Mailbox = mailboxPaths.Count == 0 ? null : await LocalMailbox.OpenAsync(mailboxPaths, cancellationToken).ConfigureAwait(false),
            // On the user's own machine, a found-at source may be a local file they saved.
            FoundAt = foundAt.Count == 0 ? null : new FoundAtChecker(allowLocalFiles: true),
            Discovery = discovery,
            // Nothing outlives this run (the cache is in memory), so "still looking, check again" would be
            // untrue here: wait past the look-up's own 3 s budget, which ends it with its real verdict.
            DiscoveryWait = TimeSpan.FromSeconds(4),
        };
        AnalysisResult result = await OutreachAnalyzer.Default.AnalyzeAsync(message, sources, uiLanguage, cancellationToken).ConfigureAwait(false);

        if (json)
            await streams.Stdout.WriteLineAsync(AnalysisJson.Serialize(result)).ConfigureAwait(false);
        else
            TextReport.Write(streams.Stdout, path == "-" ? "standard input" : path, message, result, uiLanguage, Colors.For(streams.Stdout));

        return result.HasWarnings ? OutreachCli.Findings : OutreachCli.Clean;
    }

    private static Dictionary<string, string> ParseFoundAt(IReadOnlyList<string> values)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string value in values)
        {
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            string address = equals > 0 ? value[..equals].Trim() : string.Empty;
            string source = equals > 0 ? value[(equals + 1)..].Trim() : string.Empty;
            if (!address.Contains('@', StringComparison.Ordinal) || source.Length == 0)
                throw new UsageException($"bad --found-at '{value}': expected ADDRESS=URL_OR_FILE, e.g. jane@shape.example=https://janedoe.example/contact");
            if (!IsWebAddress(source) && !IsExistingFile(source))
                throw new UsageException($"bad --found-at '{value}': {source} is neither an http(s) URL nor an existing file");
            map[address] = source;
        }
        return map;
    }

    private static bool IsWebAddress(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A path, or a file:// URL (docs/found-at.md allows both), that names a file on this machine.</summary>
    private static bool IsExistingFile(string source) =>
        File.Exists(source) || (Uri.TryCreate(source, UriKind.Absolute, out Uri? uri) && uri.IsFile && File.Exists(uri.LocalPath));
}

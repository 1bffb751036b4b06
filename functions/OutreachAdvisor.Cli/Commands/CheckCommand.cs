using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Cli.Output;
using OutreachAdvisor.FoundAt;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Cli.Commands;

/// <summary><c>outreach check MESSAGE.eml [--mailbox PATH]... [--found-at ADDRESS=URL_OR_FILE]... [--json] [--lang en|it]</c></summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(Arguments arguments, Stream stdin, TextWriter stdout, string defaultUiLanguage, CancellationToken cancellationToken)
    {
        bool json = arguments.Flag("--json");
        string uiLanguage = UiLanguages.Normalize(arguments.Value("--lang") ?? defaultUiLanguage);
        IReadOnlyList<string> mailboxPaths = arguments.Values("--mailbox");
        Dictionary<string, string> foundAt = ParseFoundAt(arguments.Values("--found-at"));
        string path = arguments.Positional() ?? throw new UsageException("check needs a message file (or - for standard input)");
        arguments.EnsureNothingLeft();

        MessageInput message = path == "-"
            ? await MessageFile.ReadAsync(stdin, "standard input", cancellationToken).ConfigureAwait(false)
            : await MessageFile.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (foundAt.Count > 0)
            message = message with { FoundAt = foundAt };

        var sources = new ContextSources
        {
            Mailbox = mailboxPaths.Count == 0 ? null : await LocalMailbox.OpenAsync(mailboxPaths, cancellationToken).ConfigureAwait(false),
            // On the user's own machine, a found-at source may be a local file they saved.
            FoundAt = foundAt.Count == 0 ? null : new FoundAtChecker(allowLocalFiles: true),
        };
        AnalysisResult result = await OutreachAnalyzer.Default.AnalyzeAsync(message, sources, uiLanguage, cancellationToken).ConfigureAwait(false);

        if (json)
            await stdout.WriteLineAsync(AnalysisJson.Serialize(result)).ConfigureAwait(false);
        else
            TextReport.Write(stdout, path == "-" ? "standard input" : path, message, result, uiLanguage, Colors.For(stdout));

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
            if (!source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !source.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !File.Exists(source))
                throw new UsageException($"bad --found-at '{value}': {source} is neither an http(s) URL nor an existing file");
            map[address] = source;
        }
        return map;
    }
}

using System.Globalization;
using OutreachAdvisor.Cli.Commands;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Cli;

/// <summary>
/// `outreach`: check, serve. Exit codes (contract section 3): 0 no warnings or errors, 1 findings at
/// warning or above, 2 bad input or usage - always with one line on standard error, never a stack trace.
/// </summary>
public static class OutreachCli
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    public const string Usage = """
        usage: outreach check MESSAGE.eml [--mailbox PATH]... [--found-at ADDRESS=URL_OR_FILE]... [--json] [--lang en|it]
               outreach report --mailbox PATH [--me ADDRESS] [--since YYYY-MM-DD] [--out DIR] [--json] [--lang en|it]
               outreach serve [--port N] [--mailbox PATH]... [--addin-dir DIR] [--allow-origin ORIGIN]

        check   checks one message (an .eml file, or - for standard input) for the etiquette mistakes
                that get outreach ignored. Exit code 0: nothing to fix; 1: warnings or errors; 2: bad input.
        serve   runs the HTTP API (POST /api/analyze, GET /api/health) and the add-in's pages on 127.0.0.1.
        """;

    public static async Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        try
        {
            var arguments = new Arguments(args);
            if (arguments.Flag("--version"))
            {
                await stdout.WriteLineAsync(typeof(OutreachCli).Assembly.GetName().Version?.ToString(3)).ConfigureAwait(false);
                return Clean;
            }

            string? command = arguments.Positional();
            if (command is null || command is "help" || arguments.Flag("--help") || arguments.Flag("-h"))
            {
                await (command is null ? stderr : stdout).WriteLineAsync(Usage).ConfigureAwait(false);
                return command is null ? BadInput : Clean;
            }

            return command switch
            {
                "check" => await CheckCommand.RunAsync(arguments, stdin, stdout, DefaultUiLanguage(), cancellationToken).ConfigureAwait(false),
                "report" => await ReportCommand.RunAsync(arguments, stdout, stderr, DefaultUiLanguage(), cancellationToken).ConfigureAwait(false),
                "serve" => await ServeCommand.RunAsync(arguments, stdout, cancellationToken).ConfigureAwait(false),
                _ => throw new UsageException($"unknown command '{command}' (try: outreach --help)"),
            };
        }
        catch (Exception error) when (error is UsageException or MessageFileException or MailboxException)
        {
            await stderr.WriteLineAsync($"outreach: {error.Message}").ConfigureAwait(false);
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("outreach: cancelled").ConfigureAwait(false);
            return BadInput;
        }
        catch (IOException error)
        {
            await stderr.WriteLineAsync($"outreach: {OneLine(error.Message)}").ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bug of ours still gets one line, not a stack trace; --verbose is not worth a flag here.
            await stderr.WriteLineAsync($"outreach: unexpected error: {OneLine(error.Message)}").ConfigureAwait(false);
            return BadInput;
        }
    }

    private static string DefaultUiLanguage() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    internal static string OneLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

using System.CommandLine;
using System.CommandLine.Help;
using OutreachAdvisor.Cli.Commands;
using OutreachAdvisor.Cli.Output;
using OutreachAdvisor.Mailbox;

namespace OutreachAdvisor.Cli;

/// <summary>
/// `outreach`: check, report, rules, serve - on System.CommandLine, which generates every command's
/// --help. Exit codes (contract section 3): 0 no warnings or errors, 1 findings at warning or above,
/// 2 bad input or usage - always with one line on standard error, never a stack trace.
/// </summary>
public static class OutreachCli
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    /// <summary>What `outreach` with no command prints: the commands, and where the rest is.</summary>
    public const string ShortUsage = """
        usage: outreach check MESSAGE.eml | report --mailbox PATH | rules | serve   (outreach COMMAND --help for more)
        """;

    public static Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliStreams(stdin, stdout, stderr), cancellationToken);

    public static async Task<int> RunAsync(string[] args, CliStreams streams, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(streams);
        TextWriter stderr = streams.Stderr;
        TextWriter stdout = streams.Stdout;
        Command root = Build(streams);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string command = parsed.CommandResult.Command == root ? string.Empty : parsed.CommandResult.Command.Name + " ";
            await WriteErrorAsync(stderr, $"{parsed.Errors[0].Message} (see: outreach {command}--help)").ConfigureAwait(false);
            return BadInput;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is UsageException or MessageFileException or MailboxException)
        {
            await WriteErrorAsync(stderr, error.Message).ConfigureAwait(false);
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await WriteErrorAsync(stderr, "cancelled").ConfigureAwait(false);
            return BadInput;
        }
        catch (IOException error)
        {
            await WriteErrorAsync(stderr, error.Message).ConfigureAwait(false);
            return BadInput;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bug of ours still gets one line, not a stack trace.
            await WriteErrorAsync(stderr, $"unexpected error: {error.Message}").ConfigureAwait(false);
            return BadInput;
        }
    }

    public static Command Build(CliStreams streams)
    {
        // A plain command named "outreach" rather than RootCommand, which names itself after the host
        // process (dotnet, testhost); it gets the root's --help and --version itself.
        var root = new Command("outreach", "Checks outreach e-mail for the etiquette mistakes that get it ignored, and reports on the mail you sent.")
        {
            CheckCommand.Create(streams),
            ReportCommand.Create(streams),
            RulesCommand.Create(streams),
            ServeCommand.Create(streams),
            EvalCommand.Create(streams),
        };
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.SetAction(async (_, cancellationToken) =>
        {
            await streams.Stderr.WriteLineAsync(ShortUsage).ConfigureAwait(false);
            return BadInput;
        });
        return root;
    }

    /// <summary>The one line of a usage or input error: first line only, with terminal control characters made harmless.</summary>
    private static Task WriteErrorAsync(TextWriter stderr, string message) =>
        stderr.WriteLineAsync("outreach: " + Terminal.Safe(OneLine(message)));

    internal static string OneLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}

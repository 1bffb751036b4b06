using System.Text;
using OutreachAdvisor.Tests.Common;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>Runs `outreach` in process, capturing what it prints.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string Sample(string name) => Path.Combine(RepoPaths.Root, "samples", "messages", name);

    public static string SampleMailbox => Path.Combine(RepoPaths.Root, "samples", "mailbox");

    public static string SamplePage(string name) => Path.Combine(RepoPaths.Root, "samples", "pages", name);

    public static async Task<Run> RunAsync(string[] args, string stdin = "")
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int exit = await OutreachCli.RunAsync(args, input, stdout, stderr).ConfigureAwait(false);
        return new Run(exit, stdout.ToString(), stderr.ToString());
    }
}

using System.Diagnostics;

namespace OutreachAdvisor.Cli.Tests;

/// <summary>
/// Issue 15: `outreach serve` with a bad RateLimits value exits 2 with one line naming the setting, before it
/// listens (it used to start and fail the first request). Run as a child process, since the setting comes
/// from the environment as an operator would give it.
/// </summary>
[TestClass]
public sealed class ServeSettingsTests
{
    [TestMethod]
    public async Task Serve_with_a_rate_limit_that_is_not_a_number_exits_2_naming_the_setting()
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "outreach.dll");
        Assert.IsTrue(File.Exists(cli), cli);
        var start = new ProcessStartInfo("dotnet", $"\"{cli}\" serve --port 0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["RateLimits__AnalyzePerMinute"] = "lots";
        using Process serve = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        Task<string> stdout = serve.StandardOutput.ReadToEndAsync(timeout.Token);
        Task<string> stderr = serve.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await serve.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            serve.Kill(entireProcessTree: true);
            Assert.Fail("serve kept running with a bad setting: " + await stdout);
        }

        Assert.AreEqual(OutreachCli.BadInput, serve.ExitCode);
        string[] lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(1, lines, await stderr);
        StringAssert.StartsWith(lines[0], "outreach: RateLimits:AnalyzePerMinute must be a whole number");
        StringAssert.Contains(lines[0], "'lots'");
        Assert.DoesNotContain("Listening on", await stdout);
    }
}

using System.Diagnostics;
using System.Reflection;

namespace OutreachAdvisor.Infra.Tests.Infrastructure;

/// <summary>Result of one Bicep CLI run.</summary>
internal sealed record BicepRun(int ExitCode, string StdOut, string StdErr)
{
    public string Output => StdOut + StdErr;

    /// <summary>Bicep prints diagnostics as "path(line,col) : Warning CODE: ...".</summary>
    public bool HasWarnings => Output.Contains(" Warning ", StringComparison.OrdinalIgnoreCase)
        || Output.Contains("Warning:", StringComparison.OrdinalIgnoreCase);

    public bool HasErrors => ExitCode != 0 || Output.Contains(" Error ", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Runs the self-contained Bicep CLI that restore downloads through the PackageDownload item
/// of this project (Azure.Bicep.CommandLine.linux-x64). No network is needed: resource types are
/// bundled in the binary and the templates use no registry modules.
/// </summary>
internal static class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";
    private static readonly Lazy<string> Executable = new(Locate);

    public static string Path => Executable.Value;

    public static BicepRun Run(params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoLayout.RepoRoot,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {Path}.");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', args)} did not finish in 3 minutes.");
        }

        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Builds a .bicep file into <paramref name="outDir"/> and returns the run and the ARM JSON path.</summary>
    public static (BicepRun Run, string JsonPath) Build(string bicepFile, string outDir)
    {
        Directory.CreateDirectory(outDir);
        BicepRun run = Run("build", bicepFile, "--outdir", outDir);
        string json = System.IO.Path.Combine(outDir, System.IO.Path.GetFileNameWithoutExtension(bicepFile) + ".json");
        return (run, json);
    }

    private static string Locate()
    {
        Assembly assembly = typeof(BicepCli).Assembly;
        string version = Metadata(assembly, "BicepCliVersion")
            ?? throw new InvalidOperationException("BicepCliVersion metadata missing from the test assembly.");

        var roots = new List<string>();
        AddIfSet(roots, Metadata(assembly, "NuGetPackageRoot"));
        AddIfSet(roots, Environment.GetEnvironmentVariable("NUGET_PACKAGES"));
        AddIfSet(roots, System.IO.Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));

        foreach (string root in roots)
        {
            string candidate = System.IO.Path.Combine(root, PackageId, version, "tools", "bicep");
            if (File.Exists(candidate))
            {
                EnsureExecutable(candidate);
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"Bicep CLI {version} not found under: {string.Join(", ", roots)}. Run `dotnet restore` on the infra test project.");
    }

    private static void EnsureExecutable(string file)
    {
        // The package's file may lack the execute bit after extraction.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        UnixFileMode mode = File.GetUnixFileMode(file);
        const UnixFileMode exec = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(file, mode | exec);
        }
    }

    private static string? Metadata(Assembly assembly, string key) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.Ordinal))?.Value;

    private static void AddIfSet(List<string> list, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            list.Add(value);
        }
    }
}

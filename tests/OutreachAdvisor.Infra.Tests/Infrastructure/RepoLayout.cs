namespace OutreachAdvisor.Infra.Tests.Infrastructure;

/// <summary>Paths inside the repository, found from the test assembly's folder.</summary>
internal static class RepoLayout
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds OutreachAdvisor.sln.</summary>
    public static string RepoRoot => Root.Value;

    public static string InfraDir => Path.Combine(RepoRoot, "infra");

    public static string MainBicep => Path.Combine(InfraDir, "main.bicep");

    public static string BicepConfig => Path.Combine(InfraDir, "bicepconfig.json");

    public static IReadOnlyList<string> AllBicepFiles() =>
        Directory.GetFiles(InfraDir, "*.bicep", SearchOption.AllDirectories)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OutreachAdvisor.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"OutreachAdvisor.sln not found above {AppContext.BaseDirectory}.");
    }
}

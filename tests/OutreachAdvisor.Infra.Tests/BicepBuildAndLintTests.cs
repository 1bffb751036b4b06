using OutreachAdvisor.Infra.Tests.Infrastructure;

namespace OutreachAdvisor.Infra.Tests;

/// <summary>The templates compile and lint clean with the repository's bicepconfig.json.</summary>
[TestClass]
public sealed class BicepBuildAndLintTests
{
    [TestMethod]
    public void MainBicep_Builds_WithoutWarningsOrErrors()
    {
        BicepRun run = CompiledMain.BuildRun;

        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.IsFalse(run.HasWarnings, "bicep build printed warnings:\n" + run.Output);
        Assert.IsFalse(run.HasErrors, run.Output);
    }

    [TestMethod]
    public void EveryBicepFile_LintsClean()
    {
        IReadOnlyList<string> files = RepoLayout.AllBicepFiles();
        Assert.IsGreaterThanOrEqualTo(2, files.Count, "expected main.bicep and modules");

        var problems = new List<string>();
        foreach (string file in files)
        {
            BicepRun run = BicepCli.Run("lint", file);
            if (run.ExitCode != 0 || run.HasWarnings || run.HasErrors)
            {
                problems.Add($"{Path.GetRelativePath(RepoLayout.RepoRoot, file)} (exit {run.ExitCode}):\n{run.Output}");
            }
        }

        Assert.IsEmpty(problems, string.Join("\n", problems));
    }

    [TestMethod]
    public void BicepConfig_TurnsLinterFindingsIntoErrors()
    {
        // Proves the lint test can fail: a file with an unused parameter and a hard-coded
        // location next to a copy of the repository's bicepconfig.json must fail lint.
        string dir = TempDir.Create("lint-bad");
        File.Copy(RepoLayout.BicepConfig, Path.Combine(dir, "bicepconfig.json"));
        string file = Path.Combine(dir, "bad.bicep");
        File.WriteAllText(file, """
            param unused string
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-bad'
              location: 'westeurope'
            }
            """);

        BicepRun run = BicepCli.Run("lint", file);

        Assert.AreNotEqual(0, run.ExitCode, run.Output);
        Assert.Contains("no-unused-params", run.Output);
        Assert.Contains("no-hardcoded-location", run.Output);
    }

    [TestMethod]
    public void BuildWarningDetection_CatchesACompilerWarning()
    {
        // Proves the build test can fail on a warning: an unknown property is a warning
        // (BCP037), not an error, so only the output check notices it.
        string dir = TempDir.Create("build-warning");
        string file = Path.Combine(dir, "warn.bicep");
        File.WriteAllText(file, """
            param location string = resourceGroup().location
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'id-warn'
              location: location
              properties: {
                notARealProperty: true
              }
            }
            """);

        (BicepRun? run, string _) = BicepCli.Build(file, Path.Combine(dir, "out"));

        Assert.AreEqual(0, run.ExitCode, "a warning alone does not fail bicep build: " + run.Output);
        Assert.IsTrue(run.HasWarnings, "expected a warning in:\n" + run.Output);
    }
}

using OutreachAdvisor.Infra.Tests.Infrastructure;

[assembly: DoNotParallelize]

namespace OutreachAdvisor.Infra.Tests;

[TestClass]
public static class AssemblyHooks
{
    [AssemblyCleanup]
    public static void Cleanup() => TempDir.DeleteAll();
}

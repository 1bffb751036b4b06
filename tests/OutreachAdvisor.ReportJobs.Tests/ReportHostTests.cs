using OutreachAdvisor.Identity.Tests;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>
/// What every report test class needs: a fresh <see cref="ReportTestHost"/> per test (its own queue,
/// tables and container in Azurite) signed in through one local OpenID server for the whole run.
/// </summary>
public abstract class ReportHostTests
{
    private protected static readonly Lazy<Task<LocalOpenIdServer>> OpenIdServer = new(LocalOpenIdServer.StartAsync);

    protected static readonly Guid Ann = Tokens.Ann;
    protected static readonly Guid Bob = Guid.Parse("12345678-1234-1234-1234-123456789abc");

    private protected ReportTestHost host = null!;

    [TestInitialize]
    public async Task StartHostAsync() => host = await ReportTestHost.StartAsync(await OpenIdServer.Value);

    [TestCleanup]
    public async Task StopHostAsync() => await host.DisposeAsync();
}

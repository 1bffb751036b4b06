using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.FoundAt.Discovery;

namespace OutreachAdvisor.Cli;

/// <summary>Where a run of <c>outreach</c> reads and writes: the console, or a test's buffers.</summary>
public sealed record CliStreams(Stream Stdin, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>
    /// Makes the discovery `check --discover` uses (called only when the option is given, so a run
    /// without it has nothing that could fetch). Tests point it at a local site.
    /// </summary>
    public Func<IAddressDiscovery> NewDiscovery { get; init; } = () => new SiteDiscovery();
}

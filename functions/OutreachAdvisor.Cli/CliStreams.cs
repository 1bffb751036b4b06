namespace OutreachAdvisor.Cli;

/// <summary>Where a run of <c>outreach</c> reads and writes: the console, or a test's buffers.</summary>
public sealed record CliStreams(Stream Stdin, TextWriter Stdout, TextWriter Stderr);

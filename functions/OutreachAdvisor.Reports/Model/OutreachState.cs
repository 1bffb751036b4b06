namespace OutreachAdvisor.Reports.Model;

/// <summary>
/// What one report hands the next (weekly reports in Azure read only the week's changes): outreach still
/// open within the reply window, and hashes (64-bit, of the normalised address) of everyone who wrote to
/// the owner, so that someone heard from before is not taken for a stranger. Bounded by
/// <see cref="MaxOpen"/> and <see cref="MaxHeardFrom"/> (the newest are kept).
/// </summary>
public sealed record OutreachState
{
    public const int MaxOpen = 5000;
    public const int MaxHeardFrom = 200_000;

    public int Version { get; init; } = 1;

    public DateTimeOffset UpdatedAt { get; init; }

    public IReadOnlyList<OpenOutreach> Open { get; init; } = [];

    public IReadOnlyList<ulong> HeardFrom { get; init; } = [];
}

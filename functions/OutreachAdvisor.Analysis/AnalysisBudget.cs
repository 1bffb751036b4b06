namespace OutreachAdvisor.Analysis;

/// <summary>
/// The time one analysis may spend in its rules (docs/operations.md; the text they read is bounded by
/// <see cref="OutreachAnalyzer.MaxTextChars"/>). Checked cooperatively: by the pipeline between the rules, and by rules in their long loops through
/// <see cref="ThrowIfSpent"/>. A rule that does not complete within it is reported as skipped, never as passed.
/// Reads the clock only when asked (no timer), so a test can give it a clock of its own; by default the
/// CPU time of the analysing thread (<see cref="ThreadCpuClock"/>), so a busy machine does not run a real
/// message out of time.
/// </summary>
public sealed class AnalysisBudget
{
    private readonly TimeProvider _time;
    private readonly long _started;

    public AnalysisBudget(TimeSpan limit, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, TimeSpan.Zero);
        Limit = limit;
        _time = time ?? ThreadCpuClock.Instance;
        _started = _time.GetTimestamp();
    }

    /// <summary>
    /// The default, in CPU time: far above what the rules need for a real message (about a millisecond; the
    /// first analysis of a process also builds the rules' patterns), so only work an input forces on them reaches it.
    /// </summary>
    public static TimeSpan DefaultLimit { get; } = TimeSpan.FromSeconds(2);

    /// <summary>A budget that never runs out (for callers that bound the work themselves).</summary>
    public static AnalysisBudget Unlimited { get; } = new(TimeSpan.MaxValue);

    public TimeSpan Limit { get; }

    public bool IsSpent => Limit != TimeSpan.MaxValue && _time.GetElapsedTime(_started) > Limit;

    /// <summary>Stops the current rule when the budget is spent; the pipeline reports it as skipped.</summary>
    public void ThrowIfSpent()
    {
        if (IsSpent)
            throw new AnalysisBudgetSpentException();
    }
}

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>The analysis of one sent message, reduced to what the report needs (its template sketch lives in the ledger's store).</summary>
internal sealed class AnalysedMessage
{
    public required string Subject { get; init; }
    /// <summary>The analysis score, or null when the message could not be judged (an unchecked language, an empty body).</summary>
    public required int? Score { get; init; }

    /// <summary>Bit i set: rule i of <see cref="RuleBits"/> reported a warning or an error.</summary>
    public required uint Fired { get; set; }

    /// <summary>Bit i set: rule i could not check the message (and did not fire).</summary>
    public required uint Skipped { get; init; }

    public required string Language { get; init; }

    public required CompactMetrics Metrics { get; init; }

    /// <summary>The hour (0-23) and day of the week it was sent, in the sender's own time zone as the Date header gives it (UTC for Graph).</summary>
    public required byte LocalHour { get; init; }

    public required DayOfWeek LocalWeekday { get; init; }
}

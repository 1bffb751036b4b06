namespace OutreachAdvisor.Reports.Model;

/// <summary>One ISO week ("2026-W10") of outreach; weeks without outreach are listed with zeros and no average.</summary>
public sealed record WeekTrend(string Week, int OutreachMessages, double? AverageScore, int Replied)
{
    public double? ReplyRate { get; init; }
    public double? ReplyRateLow { get; init; }
    public double? ReplyRateHigh { get; init; }
}

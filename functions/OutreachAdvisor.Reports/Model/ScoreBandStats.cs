namespace OutreachAdvisor.Reports.Model;

/// <summary>Outreach messages whose score falls in [Min, Max], and how many were answered.</summary>
public sealed record ScoreBandStats(string Band, int Min, int Max, int Messages, int Replied, double? ReplyRate)
{
    public double? ReplyRateLow { get; init; }
    public double? ReplyRateHigh { get; init; }
}

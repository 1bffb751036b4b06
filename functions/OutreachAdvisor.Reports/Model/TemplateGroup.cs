namespace OutreachAdvisor.Reports.Model;

/// <summary>Near-identical outreach texts sent to several people.</summary>
public sealed record TemplateGroup(
    int Recipients,
    string Subject,
    DateOnly FirstSent,
    DateOnly LastSent,
    int Messages,
    int Replied,
    double? AverageScore)
{
    public double? ReplyRate { get; init; }
    public double? ReplyRateLow { get; init; }
    public double? ReplyRateHigh { get; init; }
}

namespace OutreachAdvisor.Reports.Model;

/// <summary>The outreach messages of one band of a habit ("50-124" words, "Tue", "09-11"), and how many were answered.</summary>
public sealed record FeatureBand(string Band, int Messages, int Replied, double? ReplyRate, double? ReplyRateLow, double? ReplyRateHigh);

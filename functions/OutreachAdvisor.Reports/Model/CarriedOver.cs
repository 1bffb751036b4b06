namespace OutreachAdvisor.Reports.Model;

/// <summary>
/// Outreach of earlier reports that was still waiting for a reply when this report started (weekly
/// reports in Azure read only the week's changes): how much there was, and how much of it was answered
/// or followed up during this report's period. These are not in this report's own counts and rates.
/// </summary>
public sealed record CarriedOver(int OutreachMessages, int Replied, int FollowedUp);

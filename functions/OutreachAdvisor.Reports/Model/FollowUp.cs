namespace OutreachAdvisor.Reports.Model;

/// <summary>Cold outreach still waiting: no reply and no follow-up sent, 4 to 14 days old. No body.</summary>
/// <param name="To">Its cold recipients, comma-separated.</param>
public sealed record FollowUp(string To, string Subject, DateTimeOffset Sent, int DaysAgo);

namespace OutreachAdvisor.Reports.Model;

/// <summary>
/// A compact record of outreach still waiting for a reply, kept between reports (weekly reports): no
/// body, the cold recipients' addresses and the subject (to list it as a follow-up), a hash of its
/// conversation, when it was sent, and whether a follow-up was sent.
/// </summary>
public sealed record OpenOutreach(ulong Conversation, DateTimeOffset Sent, IReadOnlyList<string> To, string Subject, bool FollowedUp);

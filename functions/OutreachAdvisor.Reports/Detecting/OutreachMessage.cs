using OutreachAdvisor.Reports.Collecting;

namespace OutreachAdvisor.Reports.Detecting;

/// <summary>A sent message that is outreach, with the recipients it was cold to; <see cref="Carried"/> for open outreach of an earlier report.</summary>
internal sealed record OutreachMessage(SentRecord Record, AnalysedMessage Analysis, int[] ColdRecipients, bool Carried = false)
{
    public bool Replied { get; set; }

    /// <summary>When the first reply came (UTC ticks); long.MaxValue when none did.</summary>
    public long FirstReplyTicks { get; set; } = long.MaxValue;

    /// <summary>The owner wrote to a cold recipient again, after it and before any reply, within the reply window.</summary>
    public bool FollowedUp { get; set; }

    /// <summary>In a group of near-identical texts sent to three or more recipients.</summary>
    public bool InTemplate { get; set; }

    public DateTimeOffset Sent => new(Record.UtcTicks, TimeSpan.Zero);
}

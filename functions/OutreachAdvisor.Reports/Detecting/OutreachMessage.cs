using OutreachAdvisor.Reports.Collecting;

namespace OutreachAdvisor.Reports.Detecting;

/// <summary>A sent message that is outreach, with the recipients it was cold to.</summary>
internal sealed record OutreachMessage(SentRecord Record, AnalysedMessage Analysis, int[] ColdRecipients)
{
    public bool Replied { get; set; }

    public DateTimeOffset Sent => new(Record.UtcTicks, TimeSpan.Zero);
}

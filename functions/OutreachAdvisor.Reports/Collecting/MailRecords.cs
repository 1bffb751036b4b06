namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// What is kept of a message the owner sent: ids and ticks, never text. <see cref="Analysis"/> is the
/// index of its analysis, or -1 for a message read only as history (before the report's start).
/// </summary>
internal readonly record struct SentRecord(int Analysis, int[] Recipients, long UtcTicks, int Conversation);

/// <summary>What is kept of a message the owner received: who, when, in which thread.</summary>
internal readonly record struct ReceivedRecord(int From, long UtcTicks, int Conversation);

/// <summary>The analysis of one sent message, reduced to what the report needs.</summary>
internal sealed class AnalysedMessage
{
    public required string Id { get; init; }
    public required string Subject { get; init; }
    public required int Score { get; init; }

    /// <summary>Bit i set: rule i of <see cref="RuleBits"/> reported a warning or an error.</summary>
    public required uint Fired { get; set; }

    /// <summary>Bit i set: rule i could not check the message (and did not fire).</summary>
    public required uint Skipped { get; init; }

    public required string Language { get; init; }

    /// <summary>MinHash of the message's text, for template clustering; null when the text has no words.</summary>
    public required uint[]? Signature { get; init; }
}

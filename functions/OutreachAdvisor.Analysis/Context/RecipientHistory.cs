namespace OutreachAdvisor.Analysis.Context;

/// <summary>Counts of earlier mail with one recipient.</summary>
/// <param name="SentTo">Messages the sender sent to the recipient.</param>
/// <param name="ReceivedFrom">Messages the sender received from the recipient.</param>
/// <param name="TwoWayThreads">Threads in which both wrote.</param>
public sealed record RecipientHistory(int SentTo, int ReceivedFrom, int TwoWayThreads)
{
    public static readonly RecipientHistory None = new(0, 0, 0);

    /// <summary>The contract's "prior two-way contact": something received from them, or a thread where both wrote.</summary>
    public bool HasTwoWayContact => ReceivedFrom > 0 || TwoWayThreads > 0;

    public bool HasAnyContact => SentTo > 0 || HasTwoWayContact;
}

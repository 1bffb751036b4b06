namespace OutreachAdvisor.Reports.Collecting;

/// <summary>What is kept of a message the owner received: who, when, in which thread.</summary>
internal readonly record struct ReceivedRecord(int From, long UtcTicks, int Conversation);

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// What is kept of a message the owner sent: ids and ticks, never text. <see cref="Analysis"/> is the
/// slot of its analysis, or -1 for a message read only as history (before the report's start) or
/// carried over from an earlier report (<see cref="Carried"/> is then its index in the carried list).
/// </summary>
internal readonly record struct SentRecord(int Analysis, int[] Recipients, long UtcTicks, int Conversation, int Carried = -1);

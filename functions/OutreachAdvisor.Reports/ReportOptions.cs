namespace OutreachAdvisor.Reports;

/// <summary>What a report covers and how it decides. The defaults are the documented ones (docs/reports.md).</summary>
public sealed record ReportOptions
{
    /// <summary>The mailbox owner: messages from this address are "sent", all others "received".</summary>
    public required string Me { get; init; }

    /// <summary>Only messages sent on or after this instant are reported; null reports everything read.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>
    /// How far before <see cref="Since"/> mail is read for history only (prior contact, thread starts),
    /// so that a long-standing contact is not mistaken for a stranger because the report starts later.
    /// </summary>
    public TimeSpan HistoryLookback { get; init; } = TimeSpan.FromDays(365);

    /// <summary>A message from a cold recipient this long after the outreach counts as a reply even outside the thread.</summary>
    public TimeSpan ReplyWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>"en" or "it": the language of the findings' wording (and of the HTML page).</summary>
    public string UiLanguage { get; init; } = "en";

    /// <summary>Keep the bodies of the weakest messages in the report. Off by default: reports never store bodies.</summary>
    public bool IncludeBodies { get; init; }

    public int WeakestCount { get; init; } = 10;

    /// <summary>At most this many follow-ups are listed (<c>followUpsTotal</c> counts them all).</summary>
    public int MaxFollowUps { get; init; } = 100;

    /// <summary>Below this many messages a rate is flagged as too small a sample, and a rule broken (or kept) by fewer gets the verdict too-few.</summary>
    public int SmallSample { get; init; } = 10;

    /// <summary>Called with the number of messages read so far, every <see cref="ProgressInterval"/> messages.</summary>
    public Action<long>? Progress { get; init; }

    public int ProgressInterval { get; init; } = 1000;

    /// <summary>Sent messages analysed at the same time (the analysis is CPU-bound).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Stamped into the report; tests fix it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// Everything the engine keeps while the mailbox streams past: compact records of every message,
/// interned addresses and conversations, and the analyses of the sent messages in the period.
/// About 40 bytes per message plus 600 per analysed one (mostly the MinHash signature).
/// </summary>
internal sealed class MailLedger
{
    public MailLedger(string me, long reportStartTicks)
    {
        Owner = Addresses.Intern(Collecting.Addresses.Normalize(me));
        ReportStartTicks = reportStartTicks;
    }

    public Interner Addresses { get; } = new();
    public Interner Conversations { get; } = new();

    public int Owner { get; }

    /// <summary>Sent messages before this are history only: they are neither analysed nor counted.</summary>
    public long ReportStartTicks { get; }

    public List<SentRecord> Sent { get; } = [];
    public List<ReceivedRecord> Received { get; } = [];

    /// <summary>Indexed by <see cref="SentRecord.Analysis"/>.</summary>
    public AnalysedMessage[] Analyses { get; set; } = [];

    public long NewestTicks { get; private set; } = long.MinValue;

    public int ReceivedInPeriod { get; private set; }

    /// <summary>Sent messages in the period: each has an analysis slot.</summary>
    public int AnalysedCount { get; private set; }

    /// <summary>Records one message; returns the analysis slot it needs, or -1 when it is not analysed.</summary>
    public int Add(ReportMail mail)
    {
        long ticks = mail.Date.UtcTicks;
        NewestTicks = Math.Max(NewestTicks, ticks);
        int from = Addresses.Intern(Collecting.Addresses.Normalize(mail.From.Address));
        // Without a conversation id a message is a thread of its own (see docs/reports.md).
        int conversation = Conversations.Intern(mail.ConversationId is { Length: > 0 } id ? "c:" + id : "m:" + mail.Id);
        if (from != Owner)
        {
            Received.Add(new ReceivedRecord(from, ticks, conversation));
            if (ticks >= ReportStartTicks)
                ReceivedInPeriod++;
            return -1;
        }

        int[] recipients = mail.To.Concat(mail.Cc).Concat(mail.Bcc)
            .Select(r => Addresses.Intern(Collecting.Addresses.Normalize(r.Address)))
            .Where(r => r != Owner)
            .Distinct()
            .ToArray();
        int analysis = ticks >= ReportStartTicks ? AnalysedCount++ : -1;
        Sent.Add(new SentRecord(analysis, recipients, ticks, conversation));
        return analysis;
    }
}

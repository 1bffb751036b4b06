using OutreachAdvisor.Reports.Model;
using OutreachAdvisor.Reports.Templates;

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// Everything the engine keeps while the mailbox streams past: compact records of every message
/// (interned addresses, hashed conversations, UTC ticks), the analyses of the sent messages in the
/// period in chunked arrays, their template sketches in one flat store, and the counts of what was
/// read but not counted. About 40 bytes per received message and 300 per analysed one.
/// </summary>
internal sealed class MailLedger
{
    private const int ChunkSize = 1 << 16;

    private readonly List<AnalysedMessage?[]> _analyses = [];
    private readonly Dictionary<string, int> _dateSources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    public MailLedger(string me, long reportStartTicks, int sketchLength, IReadOnlyCollection<ulong>? heardFrom = null)
    {
        Owner = Addresses.Intern(Collecting.Addresses.Normalize(me));
        ReportStartTicks = reportStartTicks;
        Sketches = new SketchStore(sketchLength);
        HeardBefore = heardFrom is null ? [] : new HashSet<ulong>(heardFrom);
    }

    public Interner Addresses { get; } = new();
    public HashInterner Conversations { get; } = new();

    public int Owner { get; }

    /// <summary>Sent messages before this are history only: they are neither analysed nor counted.</summary>
    public long ReportStartTicks { get; }

    public List<SentRecord> Sent { get; } = [];
    public List<ReceivedRecord> Received { get; } = [];

    /// <summary>Outreach of earlier reports still waiting for a reply (weekly reports; <see cref="OutreachState"/>).</summary>
    public List<OpenOutreach> Carried { get; } = [];

    /// <summary>Hashes of addresses that wrote to the owner before this report's mail (from the carried state).</summary>
    public HashSet<ulong> HeardBefore { get; }

    public SketchStore Sketches { get; }

    public long NewestTicks { get; private set; } = long.MinValue;

    public int ReceivedInPeriod { get; private set; }

    /// <summary>Sent messages in the period: each has an analysis slot.</summary>
    public int AnalysedCount { get; private set; }

    /// <summary>Messages counted (sent or received in the period) by where their date came from.</summary>
    public IReadOnlyDictionary<string, int> DateSources => _dateSources;

    /// <summary>Messages read but not counted, by reason (the source's own reasons are added by the engine).</summary>
    public Dictionary<string, int> Skipped => _skipped;

    public AnalysedMessage Analysis(int slot) => _analyses[slot / ChunkSize][slot % ChunkSize]!;

    public void SetAnalysis(int slot, AnalysedMessage analysis) => _analyses[slot / ChunkSize][slot % ChunkSize] = analysis;

    /// <summary>Records one message; returns the analysis slot it needs, or -1 when it is not analysed.</summary>
    public int Add(ReportMail mail)
    {
        long ticks = mail.Date.UtcTicks;
        NewestTicks = Math.Max(NewestTicks, ticks);
        bool inPeriod = ticks >= ReportStartTicks;
        if (inPeriod)
            Count(_dateSources, mail.DateSource);
        else
            Count(_skipped, "before-period");

        int from = Addresses.Intern(Collecting.Addresses.Normalize(mail.From.Address));
        // Without a conversation id a message is a thread of its own (see docs/reports.md).
        int conversation = Conversations.Intern(mail.ConversationId is { Length: > 0 } id ? "c:" + id : "m:" + mail.Id);
        if (from != Owner)
        {
            Received.Add(new ReceivedRecord(from, ticks, conversation));
            if (inPeriod)
                ReceivedInPeriod++;
            return -1;
        }

        int[] recipients = RecipientsOf(mail);
        int analysis = -1;
        if (inPeriod)
        {
            analysis = AnalysedCount++;
            if (analysis / ChunkSize >= _analyses.Count)
                _analyses.Add(new AnalysedMessage?[ChunkSize]);
            Sketches.EnsureCapacity(AnalysedCount);
        }

        Sent.Add(new SentRecord(analysis, recipients, ticks, conversation));
        return analysis;
    }

    /// <summary>Adds an open outreach message of an earlier report, as history that replies and follow-ups can still attach to.</summary>
    public void AddCarried(OpenOutreach open)
    {
        int[] recipients = open.To.Select(a => Addresses.Intern(Collecting.Addresses.Normalize(a))).Where(r => r != Owner).Distinct().ToArray();
        int conversation = Conversations.InternKey(open.Conversation);
        Sent.Add(new SentRecord(-1, recipients, open.Sent.UtcTicks, conversation, Carried.Count));
        Carried.Add(open);
    }

    private int[] RecipientsOf(ReportMail mail)
    {
        int count = mail.To.Count + mail.Cc.Count + mail.Bcc.Count;
        if (count == 1)
        {
            int only = Addresses.Intern(Collecting.Addresses.Normalize((mail.To.Count == 1 ? mail.To[0] : mail.Cc.Count == 1 ? mail.Cc[0] : mail.Bcc[0]).Address));
            return only == Owner ? [] : [only];
        }

        return mail.To.Concat(mail.Cc).Concat(mail.Bcc)
            .Select(r => Addresses.Intern(Collecting.Addresses.Normalize(r.Address)))
            .Where(r => r != Owner)
            .Distinct()
            .ToArray();
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}

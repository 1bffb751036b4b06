namespace OutreachAdvisor.Reports.Model;

/// <summary>
/// The sent-mail quality report (contract sections 5-7). The first fields are the contract's, with its
/// names; the rest are additions. Nothing here holds a message body unless
/// <see cref="ReportOptions.IncludeBodies"/> asked for the weakest messages' bodies.
/// </summary>
public sealed record OutreachReport
{
    public required string Me { get; init; }

    /// <summary>First day covered: the requested "since", or the day of the first sent message.</summary>
    public required DateOnly From { get; init; }

    /// <summary>Last day covered: the day of the newest message read.</summary>
    public required DateOnly To { get; init; }

    /// <summary>Messages the owner sent in the period (outreach or not).</summary>
    public required int SentMessages { get; init; }

    public required int OutreachMessages { get; init; }

    /// <summary>Outreach messages answered by one of their cold recipients (see docs/reports.md).</summary>
    public required int Replied { get; init; }

    /// <summary>Replied / OutreachMessages, 0 when there is no outreach.</summary>
    public required double ReplyRate { get; init; }

    /// <summary>The 95% Wilson interval of <see cref="ReplyRate"/> (contract section 6); null with no outreach.</summary>
    public double? ReplyRateLow { get; init; }

    public double? ReplyRateHigh { get; init; }

    /// <summary>Mean analysis score of the outreach messages that could be scored; null when none could.</summary>
    public required double? AverageScore { get; init; }

    /// <summary>
    /// Outreach messages the analysis could not judge (an empty body, a language it does not check): they
    /// count as outreach, in replies, weeks, templates, habits and follow-ups, but in no score-derived number
    /// (averages, score bands, weakest) and not in the adjusted model; each rule counts them as skipped where it could not check.
    /// </summary>
    public int UnscoredMessages { get; init; }

    public required IReadOnlyList<RuleReplyStats> Rules { get; init; }
    public required IReadOnlyList<TemplateGroup> Templates { get; init; }
    public required IReadOnlyList<WeekTrend> Weeks { get; init; }
    public required IReadOnlyList<WeakMessage> Weakest { get; init; }

    /// <summary>Reply rates by the habits beyond the rules (contract section 6), with published figures beside them.</summary>
    public IReadOnlyList<FeatureStats> Features { get; init; } = [];

    /// <summary>Cold outreach 4-14 days old with no reply and no follow-up sent (contract section 6); no bodies.</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>Every message read but not counted, by reason (contract section 6).</summary>
    public IReadOnlyDictionary<string, int> Skipped { get; init; } = new Dictionary<string, int>();

    // ---- additions ----

    /// <summary>Counted messages (sent or received in the period) by where their date came from (date, received, mbox-separator, file-time).</summary>
    public IReadOnlyDictionary<string, int> DateSources { get; init; } = new Dictionary<string, int>();

    /// <summary>How the adjusted effects were estimated (null when no model could be fitted).</summary>
    public AdjustedModelInfo? AdjustedModel { get; init; }

    /// <summary>Outreach of earlier reports that was still open when this one started (weekly reports), and what became of it.</summary>
    public CarriedOver? CarriedOver { get; init; }

    /// <summary>All follow-ups due; <see cref="FollowUps"/> lists at most <see cref="ReportOptions.MaxFollowUps"/> of them.</summary>
    public int FollowUpsTotal { get; init; }

    /// <summary>Reply rate per score band (0-39, 40-59, 60-79, 80-100).</summary>
    public required IReadOnlyList<ScoreBandStats> ScoreBands { get; init; }

    /// <summary>The language the report's texts are written in: "en" or "it".</summary>
    public required string Language { get; init; }

    /// <summary>Outreach messages per detected message language ("en", "it", "fr", "und"...).</summary>
    public required IReadOnlyDictionary<string, int> MessageLanguages { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The mail source: "local-files" or "graph".</summary>
    public required string Source { get; init; }

    /// <summary>Messages received in the period (not sent by the owner).</summary>
    public required int ReceivedMessages { get; init; }

    /// <summary>How long after an outreach message a message from its recipient counts as a reply.</summary>
    public required int ReplyWindowDays { get; init; }

    /// <summary>Below this many messages a rate is shown with a "too few to draw conclusions" note, and a rule's verdict is too-few.</summary>
    public required int SmallSample { get; init; }
}

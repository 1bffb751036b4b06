namespace OutreachAdvisor.Reports.Model;

/// <summary>
/// The sent-mail quality report (contract section 5). The first fields are the contract's, with its
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

    /// <summary>Mean analysis score of the outreach messages; null when there are none.</summary>
    public required double? AverageScore { get; init; }

    public required IReadOnlyList<RuleReplyStats> Rules { get; init; }
    public required IReadOnlyList<TemplateGroup> Templates { get; init; }
    public required IReadOnlyList<WeekTrend> Weeks { get; init; }
    public required IReadOnlyList<WeakMessage> Weakest { get; init; }

    // ---- additions ----

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

    /// <summary>Below this many messages a rate is shown with a "too few to draw conclusions" note.</summary>
    public required int SmallSample { get; init; }
}

/// <summary>How often the outreach messages that broke a rule were answered, against those that did not.</summary>
/// <param name="Fired">Outreach messages where the rule reported a warning or an error.</param>
/// <param name="NotFired">Outreach messages the rule checked and passed (or only hinted at).</param>
/// <param name="Skipped">Outreach messages the rule could not check (e.g. a language it does not read): in neither count.</param>
public sealed record RuleReplyStats(
    string Rule,
    int Fired,
    int RepliedWhenFired,
    int NotFired,
    int RepliedWhenNotFired,
    int Skipped,
    double? ReplyRateWhenFired,
    double? ReplyRateWhenNotFired);

/// <summary>Near-identical outreach texts sent to several people.</summary>
public sealed record TemplateGroup(
    int Recipients,
    string Subject,
    DateOnly FirstSent,
    DateOnly LastSent,
    int Messages,
    int Replied,
    double AverageScore);

/// <summary>One ISO week ("2026-W10") of outreach.</summary>
public sealed record WeekTrend(string Week, int OutreachMessages, double AverageScore, int Replied);

/// <summary>One of the lowest-scoring outreach messages.</summary>
/// <param name="Sent">When it was sent, in UTC.</param>
/// <param name="Body">Only when the report was asked to include bodies.</param>
public sealed record WeakMessage(
    string Subject,
    string To,
    DateTimeOffset Sent,
    int Score,
    IReadOnlyList<string> Rules,
    bool Replied,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Body = null);

/// <summary>Outreach messages whose score falls in [Min, Max], and how many were answered.</summary>
public sealed record ScoreBandStats(string Band, int Min, int Max, int Messages, int Replied, double? ReplyRate);

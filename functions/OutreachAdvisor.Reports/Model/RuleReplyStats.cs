namespace OutreachAdvisor.Reports.Model;

/// <summary>How often the outreach messages that broke a rule were answered, against those that kept it, and what that says.</summary>
public sealed record RuleReplyStats
{
    public required string Rule { get; init; }

    /// <summary>Outreach messages where the rule reported a warning or an error.</summary>
    public required int Fired { get; init; }

    public required int RepliedWhenFired { get; init; }

    /// <summary>Outreach messages the rule checked and passed (or only hinted at).</summary>
    public required int NotFired { get; init; }

    public required int RepliedWhenNotFired { get; init; }

    /// <summary>Outreach messages the rule could not check (e.g. a language it does not read): in neither count.</summary>
    public required int Skipped { get; init; }

    public double? ReplyRateWhenFired { get; init; }
    public double? ReplyRateWhenFiredLow { get; init; }
    public double? ReplyRateWhenFiredHigh { get; init; }
    public double? ReplyRateWhenNotFired { get; init; }
    public double? ReplyRateWhenNotFiredLow { get; init; }
    public double? ReplyRateWhenNotFiredHigh { get; init; }

    /// <summary>Reply rate when broken minus when kept, with its 95% interval (Newcombe's hybrid Wilson score method).</summary>
    public double? Difference { get; init; }
    public double? DifferenceLow { get; init; }
    public double? DifferenceHigh { get; init; }

    /// <summary><see cref="Verdicts"/>: costs-replies, no-clear-effect or too-few.</summary>
    public required string Verdict { get; init; }

    /// <summary>
    /// The reply-rate ratio broken / kept with the other rules and template membership held equal
    /// (penalised logistic regression, marginal standardisation; docs/reports.md), with its 95% interval.
    /// Below 1: breaking the rule went with fewer replies. Null when the rule was not in the model.
    /// </summary>
    public double? AdjustedEffect { get; init; }
    public double? AdjustedEffectLow { get; init; }
    public double? AdjustedEffectHigh { get; init; }
}

namespace OutreachAdvisor.Reports.Model;

/// <summary>A rule's verdict in the report (contract section 6).</summary>
public static class Verdicts
{
    /// <summary>Both the raw difference and the adjusted effect say breaking it went with fewer replies (their 95% intervals exclude no effect).</summary>
    public const string CostsReplies = "costs-replies";

    /// <summary>Enough messages either way, but no cost that the intervals can tell from chance.</summary>
    public const string NoClearEffect = "no-clear-effect";

    /// <summary>Fewer than the small-sample size of messages broke it, or kept it.</summary>
    public const string TooFew = "too-few";
}

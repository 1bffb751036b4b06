namespace OutreachAdvisor.Evaluation.Scoring;

/// <summary>
/// How one rule did on one language's cases. A rule "fires" when it reports a warning or an error
/// (info hints do not count, as in corpus/LABELLING.md). With nothing to find and nothing found,
/// precision and recall are 1: the rule was right to stay quiet.
/// </summary>
public sealed record RuleScore(string Rule, string Language, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Cases => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

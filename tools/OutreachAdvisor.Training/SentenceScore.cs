namespace OutreachAdvisor.Training;

/// <summary>Precision, recall and F1 of a detector on labelled sentences.</summary>
internal readonly record struct SentenceScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static SentenceScore Of(IEnumerable<(bool Expected, bool Got)> pairs)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach ((bool expected, bool got) in pairs)
        {
            if (expected && got)
                tp++;
            else if (got)
                fp++;
            else if (expected)
                fn++;
        }
        return new SentenceScore(tp, fp, fn);
    }

    public override string ToString() => FormattableString.Invariant($"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000}");
}

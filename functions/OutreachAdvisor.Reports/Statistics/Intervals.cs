namespace OutreachAdvisor.Reports.Statistics;

/// <summary>95% intervals for shares and their differences (docs/reports.md "Statistics").</summary>
public static class Intervals
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>: unlike
    /// the textbook p ± z·sqrt(p(1-p)/n) it stays inside [0, 1] and is honest at 0 of 3. Null for no trials.
    /// </summary>
    public static (double Low, double High)? Wilson(int successes, int trials)
    {
        if (trials <= 0)
            return null;
        double n = trials, p = (double)successes / trials, z2 = Z * Z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = Z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>
    /// Newcombe's hybrid score interval (his method 10) for p1 - p2 from the two Wilson intervals; null
    /// when either group is empty.
    /// </summary>
    public static (double Difference, double Low, double High)? Difference(int successes1, int trials1, int successes2, int trials2)
    {
        if (Wilson(successes1, trials1) is not { } first || Wilson(successes2, trials2) is not { } second)
            return null;
        double p1 = (double)successes1 / trials1, p2 = (double)successes2 / trials2;
        double d = p1 - p2;
        double low = d - Math.Sqrt(Square(p1 - first.Low) + Square(second.High - p2));
        double high = d + Math.Sqrt(Square(first.High - p1) + Square(p2 - second.Low));
        return (d, Math.Max(-1, low), Math.Min(1, high));
    }

    public static double Round(double value) => Math.Round(value, 3);

    private static double Square(double x) => x * x;
}

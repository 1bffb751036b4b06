namespace OutreachAdvisor.Reports.Aggregating;

/// <summary>The score bands of the report: poor, weak, fair, good (scoring.md's scale, higher is better).</summary>
public static class ScoreBands
{
    public static IReadOnlyList<(int Min, int Max)> All { get; } = [(0, 39), (40, 59), (60, 79), (80, 100)];

    public static int IndexOf(int score)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (score <= All[i].Max)
                return i;
        }

        return All.Count - 1;
    }

    public static string Name(int index) => $"{All[index].Min}-{All[index].Max}";
}

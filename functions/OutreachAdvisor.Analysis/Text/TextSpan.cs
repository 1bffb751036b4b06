namespace OutreachAdvisor.Analysis.Text;

/// <summary>A stretch of the plain text: where evidence, phrases and fixes stand.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    /// <summary>Whether the two spans share at least one character.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
}

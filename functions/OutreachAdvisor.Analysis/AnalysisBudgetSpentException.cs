namespace OutreachAdvisor.Analysis;

/// <summary>Thrown inside a rule when the analysis's time budget is spent; the pipeline catches it and skips the rule.</summary>
public sealed class AnalysisBudgetSpentException : OperationCanceledException
{
    public AnalysisBudgetSpentException()
        : base("The analysis's time budget is spent.")
    {
    }

    public AnalysisBudgetSpentException(string message)
        : base(message)
    {
    }

    public AnalysisBudgetSpentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

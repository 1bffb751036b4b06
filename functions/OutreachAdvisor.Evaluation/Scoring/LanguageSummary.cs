namespace OutreachAdvisor.Evaluation.Scoring;

/// <summary>
/// One language's headline numbers ("all" for every case): the mean F1 over the rules, and false
/// alarms - rules that warned (or erred) on a case where they are labelled false - per message.
/// </summary>
public sealed record LanguageSummary(string Language, int Cases, double MacroF1, int FalseAlarms)
{
    public double FalseAlarmsPerMessage => Cases == 0 ? 0 : (double)FalseAlarms / Cases;
}

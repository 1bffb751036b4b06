using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// The analysis' <see cref="MessageMetrics"/> as a value kept per sent message: a struct, so a million
/// messages hold no million extra objects.
/// </summary>
internal readonly record struct CompactMetrics(int Words, int Sentences, int Questions, double? ReadingEase, string? ReadingScale, int SubjectWords)
{
    public static CompactMetrics From(MessageMetrics metrics) =>
        new(metrics.Words, metrics.Sentences, metrics.Questions, metrics.ReadingEase, metrics.ReadingScale, metrics.SubjectWords);
}

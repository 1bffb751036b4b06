using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// What the report reads of the analysis' <see cref="MessageMetrics"/>, as a value kept per sent message:
/// a struct of 24 bytes (the reading ease is NaN when unknown, not a nullable), so a million messages
/// hold no million extra objects.
/// </summary>
internal readonly struct CompactMetrics(int words, int questions, double? readingEase, int subjectWords)
{
    private readonly double _readingEase = readingEase ?? double.NaN;

    public int Words { get; } = words;

    public int Questions { get; } = questions;

    public double? ReadingEase => double.IsNaN(_readingEase) ? null : _readingEase;

    public int SubjectWords { get; } = subjectWords;

    public static CompactMetrics From(MessageMetrics metrics) =>
        new(metrics.Words, metrics.Questions, metrics.ReadingEase, metrics.SubjectWords);
}

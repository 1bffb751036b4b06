namespace OutreachAdvisor.Reports.Collecting;

/// <summary>
/// Facts about a message's text that the report's habits use (contract section 6 <c>metrics</c>):
/// words, sentences and questions of the body, reading ease on the language's scale (Flesch for English,
/// Gulpease for Italian; null for other languages), and the subject's words.
/// </summary>
internal readonly record struct MessageMetrics(int Words, int Sentences, int Questions, double? ReadingEase, string? ReadingScale, int SubjectWords);

namespace OutreachAdvisor.Analysis.Model;

/// <summary>Facts about the text (contract section 6 <c>metrics</c>), measured on the new text of the body.</summary>
/// <param name="ReadingEase">Flesch reading ease (English) or Gulpease (Italian), 0-100, higher is easier; null for other languages.</param>
/// <param name="ReadingScale">"flesch", "gulpease", or null.</param>
public sealed record MessageMetrics(int Words, int Sentences, int Questions, double? ReadingEase, string? ReadingScale, int SubjectWords)
{
    public static MessageMetrics Empty { get; } = new(0, 0, 0, null, null, 0);
}

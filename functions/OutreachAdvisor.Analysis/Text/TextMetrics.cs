using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// Facts about a message's text that the result (<c>metrics</c>, contract section 6), the length and
/// reading hints and the sent-mail report share. Words are runs of letters and digits; sentences end at '.', '!', '?' or a blank line; a question is a
/// sentence ending in '?'. Reading ease: Flesch (206.835 - 1.015 words/sentences - 84.6 syllables/word,
/// syllables counted as vowel groups) for English; Gulpease (89 + (300 sentences - 10 letters) / words)
/// for Italian; null for other languages.
/// </summary>
public static class TextMetrics
{
    public static MessageMetrics Measure(ReadOnlySpan<char> plainText, string subject, string language)
    {
        int words = 0, sentences = 0, questions = 0, letters = 0, syllables = 0;
        bool inWord = false, sentenceHasWords = false, previousVowel = false;
        int wordSyllables = 0;
        int newlines = 0;
        foreach (char c in plainText)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    words++;
                    inWord = true;
                    wordSyllables = 0;
                    previousVowel = false;
                }

                sentenceHasWords = true;
                newlines = 0;
                if (char.IsLetter(c))
                {
                    letters++;
                    bool vowel = "aeiouyàèéìíòóùú".Contains(char.ToLowerInvariant(c), StringComparison.Ordinal);
                    if (vowel && !previousVowel)
                        wordSyllables++;
                    previousVowel = vowel;
                }

                continue;
            }

            if (inWord)
            {
                syllables += Math.Max(1, wordSyllables);
                inWord = false;
            }

            if (c == '\n')
                newlines++;
            if ((c is '.' or '!' or '?' || newlines >= 2) && sentenceHasWords)
            {
                sentences++;
                if (c == '?')
                    questions++;
                sentenceHasWords = false;
            }
        }

        if (inWord)
            syllables += Math.Max(1, wordSyllables);
        if (sentenceHasWords)
            sentences++;

        double? ease = null;
        string? scale = null;
        if (words > 0 && sentences > 0)
        {
            if (language == "it")
            {
                ease = Math.Clamp(89 + ((300.0 * sentences) - (10.0 * letters)) / words, 0, 100);
                scale = "gulpease";
            }
            else if (language == "en")
            {
                ease = Math.Clamp(206.835 - (1.015 * words / sentences) - (84.6 * syllables / words), 0, 100);
                scale = "flesch";
            }
        }

        int subjectWords = 0;
        bool inSubjectWord = false;
        foreach (char c in subject ?? string.Empty)
        {
            bool wordChar = char.IsLetterOrDigit(c);
            if (wordChar && !inSubjectWord)
                subjectWords++;
            inSubjectWord = wordChar;
        }

        return new MessageMetrics(words, sentences, questions, ease is { } e ? Math.Round(e, 1) : null, scale, subjectWords);
    }
}

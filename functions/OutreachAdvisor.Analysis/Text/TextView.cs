using System.Collections.Frozen;
using System.Text.RegularExpressions;
using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>
/// The message as the rules read it, built once per analysis: plain text, the part that is new (not
/// quoted history), the detected language and its lexicon, the greeting, and the phrases that several
/// rules share (asks, offers, references to the recipient's work, private details, links). Asks, offers,
/// references and private details come from the lexicon's phrases and, where a model for the language
/// is loaded, from the learned sentence detectors (<see cref="DetectedPhrases"/>). Rules read it; none change it.
/// </summary>
public sealed class TextView
{
    private TextView(MessageInput message, string plainText, string? detectedElsewhere, SentenceDetectors detectors)
    {
        Text = plainText;
        Subject = message.Subject;
        NewTextLength = QuotedHistory.NewTextLength(Text);
        Language = DetectLanguage(Subject, NewText);
        // The built-in detector is honest about short or mixed texts; a language service may still know.
        if (Language == LanguageDetector.Undetermined && detectedElsewhere is not null && Lexicon.For(detectedElsewhere) is not null)
            Language = detectedElsewhere;
        Lexicon = Lexicon.For(Language);

        Greeting = Greeting.Find(Text, NewTextLength);
        Quotations = Find(QuotationPattern);
        Links = Find(global::OutreachAdvisor.Analysis.Text.Links.Pattern());
        MergeFields = Find(global::OutreachAdvisor.Analysis.Text.MergeFields.Pattern());
        SubjectMergeFields = global::OutreachAdvisor.Analysis.Text.MergeFields.Pattern().Matches(Subject).Select(m => m.Value).ToArray();
        if (Lexicon is null)
            return;

        var phrases = DetectedPhrases.Find(NewText, Lexicon, detectors.For(Language));
        Asks = phrases.Asks;
        SubjectAsks = Lexicon.Ask.IsMatch(Subject);
        Offers = phrases.Offers;
        References = phrases.References;
        PrivateDetails = phrases.PrivateDetails;
        (FirstPersonWords, SecondPersonWords) = CountPersons(NewText, Lexicon);
    }

    /// <param name="detectedElsewhere">The language a language service detected, used when the built-in detector cannot tell.</param>
    public static TextView Create(MessageInput message, string? detectedElsewhere = null) =>
        new(message, PlainText.Of(message), detectedElsewhere, SentenceDetectors.Default);

    /// <param name="plainText">The body's plain text, when the caller has already computed it (<see cref="PlainText.Of"/>).</param>
    /// <param name="detectors">The learned detectors to use beside the lexicons (default: the committed models).</param>
    public static TextView Create(MessageInput message, string plainText, string? detectedElsewhere, SentenceDetectors? detectors = null) =>
        new(message, plainText, detectedElsewhere, detectors ?? SentenceDetectors.Default);

    /// <summary>The body as plain text: evidence offsets point into this string.</summary>
    public string Text { get; }
    public string Subject { get; }
    /// <summary>Length of the text before quoted history; rules only judge <c>Text[..NewTextLength]</c>.</summary>
    public int NewTextLength { get; }
    /// <summary>"en", "it", another ISO code the detector can name, or "und".</summary>
    public string Language { get; }
    /// <summary>The lexicon of <see cref="Language"/>, or null when the language is not checked.</summary>
    public Lexicon? Lexicon { get; }

    public Greeting? Greeting { get; }
    /// <summary>Each ask in the new text: the clause that asks (a phrase of the lexicon, or a sentence the ask model detected).</summary>
    public IReadOnlyList<TextSpan> Asks { get; } = [];
    public bool SubjectAsks { get; }
    /// <summary>Each offer to the recipient: the clause that offers.</summary>
    public IReadOnlyList<TextSpan> Offers { get; } = [];
    /// <summary>Each specific reference to the recipient's own work: the clause that refers.</summary>
    public IReadOnlyList<TextSpan> References { get; } = [];
    /// <summary>
    /// Clauses the private-details model detected (the recipient's home address, private phone, family...,
    /// mentioned, claimed or asked for). Empty when no model is loaded or that detector is off; the
    /// no-personal-details rule adds them to its own phrase list's matches.
    /// </summary>
    public IReadOnlyList<TextSpan> PrivateDetails { get; } = [];
    /// <summary>Text in quotation marks, long enough to be someone's words or a title.</summary>
    public IReadOnlyList<TextSpan> Quotations { get; } = [];
    public IReadOnlyList<TextSpan> Links { get; } = [];
    public IReadOnlyList<TextSpan> MergeFields { get; } = [];
    public IReadOnlyList<string> SubjectMergeFields { get; } = [];
    public int FirstPersonWords { get; }
    public int SecondPersonWords { get; }

    public bool IsChecked => Lexicon is not null;
    /// <summary>The message asks for the recipient's time, help or action (in the body or the subject).</summary>
    public bool MakesAsk => Asks.Count > 0 || SubjectAsks;

    public ReadOnlySpan<char> NewText => Text.AsSpan(0, NewTextLength);

    /// <summary>Every phrase of <paramref name="phrases"/> in the new text.</summary>
    public IReadOnlyList<TextSpan> Find(PhraseSet phrases) => phrases.FindAll(NewText);

    /// <summary>Every match of <paramref name="pattern"/> in the new text.</summary>
    public IReadOnlyList<TextSpan> Find(Regex pattern)
    {
        List<TextSpan>? spans = null;
        foreach (ValueMatch match in pattern.EnumerateMatches(NewText))
            (spans ??= []).Add(new TextSpan(match.Index, match.Length));
        return spans ?? (IReadOnlyList<TextSpan>)[];
    }

    /// <summary>The sentence (or line) that contains <paramref name="offset"/>.</summary>
    public ReadOnlySpan<char> SentenceAround(int offset)
    {
        if (Text.Length == 0)
            return [];
        offset = Math.Clamp(offset, 0, Text.Length);
        // Search before the offset only: at offset 0 there is nothing before it (a text opening with "?" or a
        // line break would otherwise start the sentence after its end).
        int start = offset == 0 ? 0 : Text.LastIndexOfAny(SentenceEnds, offset - 1) + 1;
        int end = Text.IndexOfAny(SentenceEnds, offset);
        return Text.AsSpan(start, (end < 0 ? Text.Length : end) - start);
    }

    private static readonly char[] SentenceEnds = ['.', '!', '?', '\n'];

    public Evidence Evidence(TextSpan span) => new(span.Start, span.Length, Text.Substring(span.Start, span.Length));

    public string this[TextSpan span] => Text.Substring(span.Start, span.Length);

    private static readonly Regex QuotationPattern = new(
        "\"[^\"\\r\\n]{12,300}\"|“[^”\\r\\n]{12,300}”|«[^»\\r\\n]{12,300}»",
        RegexOptions.CultureInvariant | Lexicon.CompileOption);

    private static string DetectLanguage(string subject, ReadOnlySpan<char> body)
    {
        string language = LanguageDetector.Detect(body);
        return language == LanguageDetector.Undetermined && subject.Length > 0
            ? LanguageDetector.Detect(string.Concat(subject, " ", body))
            : language;
    }

    private static (int First, int Second) CountPersons(ReadOnlySpan<char> text, Lexicon lexicon)
    {
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> first = lexicon.FirstPerson.GetAlternateLookup<ReadOnlySpan<char>>();
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> second = lexicon.SecondPerson.GetAlternateLookup<ReadOnlySpan<char>>();
        int firstCount = 0, secondCount = 0;
        foreach (ReadOnlySpan<char> word in new WordEnumerator(text))
        {
            if (first.Contains(word))
                firstCount++;
            else if (second.Contains(word))
                secondCount++;
        }
        return (firstCount, secondCount);
    }
}

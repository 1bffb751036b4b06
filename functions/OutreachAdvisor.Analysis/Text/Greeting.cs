using System.Buffers;
using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>The opening line of a message, when it is a greeting.</summary>
/// <param name="Span">The greeting as written, up to the first comma or line end.</param>
/// <param name="Name">The name it uses, without honorifics ("Dr. Jane Doe" gives "Jane Doe"); empty when none.</param>
/// <param name="NameSpan">Where the name (or the placeholder) stands, for a one-click fix.</param>
/// <param name="Impersonal">For an impersonal greeting, how it names nobody.</param>
public sealed record Greeting(TextSpan Span, GreetingKind Kind, string Name, TextSpan NameSpan, ImpersonalKind Impersonal = ImpersonalKind.Formula)
{
    /// <summary>The salutation word it opens with ("Caro", "Dear", "Gentile"), for fixes that must replace it.</summary>
    public string Salutation { get; init; } = string.Empty;

    private static readonly Regex Opening = new(
        @"^[ \t]*(?<salutation>" + string.Join('|', GreetingLexicon.Salutations.OrderByDescending(w => w.Length)) + @")(?![\p{L}])(?<rest>[^\r\n]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | Lexicon.CompileOption);

    private static readonly Regex FormulaGreeting = StartPattern(GreetingLexicon.Formulas);
    private static readonly Regex GroupGreeting = StartPattern(GreetingLexicon.Groups);
    private static readonly Regex BareGreeting = StartPattern(GreetingLexicon.Bare);

    private static Regex StartPattern(IReadOnlyList<string> patterns) =>
        new(patterns.Count == 0 ? "(?!)" : @"^[ \t]*(?:" + string.Join('|', patterns) + @")(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | Lexicon.CompileOption);

    private static readonly Regex NameOnlyLine = new(
        @"^[ \t]*(?<name>\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,2})[ \t]*[,!][ \t]*$",
        RegexOptions.CultureInvariant | Lexicon.CompileOption);

    private static readonly Regex LeadingHonorifics = new(
        @"^(?:(?:" + string.Join('|', GreetingLexicon.Honorifics.OrderByDescending(h => h.Length)) + @")\.?(?:\s+|$))+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | Lexicon.CompileOption);

    // Where the greeting ends: "Dear Jane, ..." / "Hi Jane! ..." / "Gentile Dott. Rossi: ...".
    private static readonly SearchValues<char> GreetingEnds = SearchValues.Create(",!:;");

    /// <summary>Finds the greeting on the first non-blank line of <paramref name="text"/>, if there is one.</summary>
    public static Greeting? Find(string text, int limit)
    {
        int lineStart = 0;
        while (lineStart < limit && char.IsWhiteSpace(text[lineStart]))
            lineStart++;
        if (lineStart >= limit)
            return null;
        int lineEnd = text.IndexOf('\n', lineStart);
        if (lineEnd < 0 || lineEnd > limit)
            lineEnd = limit;
        string line = text[lineStart..lineEnd].TrimEnd('\r');

        // "Gentile Signora Ferri," starts like "Gentile Signora/Signore" but names her: title and surname are personal.
        foreach ((Regex pattern, ImpersonalKind kind) in new[] { (FormulaGreeting, ImpersonalKind.Formula), (GroupGreeting, ImpersonalKind.Group), (BareGreeting, ImpersonalKind.Bare) })
        {
            Match impersonal = pattern.Match(line);
            if (impersonal.Success && !NamesSomeoneAfter(line, impersonal.Index + impersonal.Length))
            {
                var span = new TextSpan(lineStart + impersonal.Index, impersonal.Length);
                return new Greeting(span, GreetingKind.Impersonal, string.Empty, span, kind);
            }
        }

        Match opening = Opening.Match(line);
        if (opening.Success)
            return FromOpening(opening, lineStart);

        Match nameOnly = NameOnlyLine.Match(line);
        if (nameOnly.Success && !LeadingHonorifics.IsMatch(nameOnly.Groups["name"].Value + " ") && !IsCommonOpening(nameOnly.Groups["name"].Value))
        {
            Group name = nameOnly.Groups["name"];
            return new Greeting(new TextSpan(lineStart + name.Index, name.Length), GreetingKind.Named, name.Value, new TextSpan(lineStart + name.Index, name.Length));
        }
        return null;
    }

    private static Greeting FromOpening(Match opening, int lineStart)
    {
        Group rest = opening.Groups["rest"];
        string restText = rest.Value;
        int cut = restText.AsSpan().IndexOfAny(GreetingEnds);
        string segment = cut < 0 ? restText : restText[..cut];
        int segmentStart = rest.Index;
        int greetingEnd = lineStart + rest.Index + (cut < 0 ? restText.Length : cut + 1);
        var span = new TextSpan(lineStart + opening.Index, greetingEnd - lineStart - opening.Index);

        string trimmed = segment.Trim();
        int trimmedStart = lineStart + segmentStart + (segment.Length - segment.TrimStart().Length);
        bool isDear = GreetingLexicon.Dear.Contains(opening.Groups["salutation"].Value);

        string salutation = opening.Groups["salutation"].Value;
        if (trimmed.Length == 0)
        {
            // "Dear ," leaves a hole where a name belongs; "Hi," / "Buongiorno," simply name nobody.
            var hole = new TextSpan(lineStart + segmentStart, segment.Length);
            return new Greeting(span, isDear || segment.Length > 0 && cut >= 0 ? GreetingKind.Placeholder : GreetingKind.Impersonal, string.Empty, hole, ImpersonalKind.Bare) { Salutation = salutation };
        }

        if (MergeFields.LooksLikePlaceholder(trimmed))
            return new Greeting(span, GreetingKind.Placeholder, string.Empty, new TextSpan(trimmedStart, trimmed.Length)) { Salutation = salutation };

        // "Dear Professor," / "Gentile Dottoressa," name a title, not a person.
        (string name, int nameOffset, int nameLength) = NameWords(trimmed);
        if (name.Length == 0)
            return new Greeting(span, GreetingKind.Impersonal, string.Empty, new TextSpan(trimmedStart, 0), ImpersonalKind.Bare) { Salutation = salutation };
        return new Greeting(span, GreetingKind.Named, name, new TextSpan(trimmedStart + nameOffset, nameLength)) { Salutation = salutation };
    }

    /// <summary>Whether capitalised name words follow <paramref name="start"/> before the greeting's comma or the line end.</summary>
    private static bool NamesSomeoneAfter(string line, int start)
    {
        string rest = line[start..];
        int cut = rest.AsSpan().IndexOfAny(GreetingEnds);
        string segment = (cut < 0 ? rest : rest[..cut]).Trim();
        return segment.Length > 0 && NameWords(segment).Name.Length > 0 && !IsCommonOpening(segment);
    }

    private static bool IsCommonOpening(string line)
    {
        string first = line.Split(' ', 2)[0];
        return Lexicon.Supported.Values.Any(l => l.NotNames.Contains(first)) || GreetingLexicon.Salutations.Contains(first, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Takes the capitalised words that form a name, after any honorifics: "Dr. Jane Doe I read" gives "Jane Doe".</summary>
    private static (string Name, int Offset, int Length) NameWords(string segment)
    {
        int skip = LeadingHonorifics.Match(segment).Length;
        int nameStart = -1;
        int nameEnd = -1;
        int words = 0;
        var word = new WordEnumerator(segment.AsSpan(skip));
        while (word.MoveNext() && words++ < 4)
        {
            int start = skip + word.CurrentStart;
            // "Hi Priya & Luke" greets two people: the name stops at the "&" (or "/", "+") between them.
            if (nameStart >= 0 && segment.AsSpan(nameEnd, start - nameEnd).IndexOfAny("&/+") >= 0)
                break;
            bool particle = RecipientNames.NameParticles.Contains(word.Current.ToString());
            if (nameStart >= 0 && particle)
                continue;
            if (!char.IsUpper(word.Current[0]) || word.Current is "I")
                break;
            if (nameStart < 0)
                nameStart = start;
            nameEnd = start + word.Current.Length;
        }
        return nameStart < 0 ? (string.Empty, 0, 0) : (segment[nameStart..nameEnd], nameStart, nameEnd - nameStart);
    }
}

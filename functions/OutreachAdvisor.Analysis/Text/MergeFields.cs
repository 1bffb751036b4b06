using System.Text.RegularExpressions;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>Unfilled mail-merge fields and blank placeholders, in any language.</summary>
public static partial class MergeFields
{
    // Words a template's blank starts with: "[First Name]", "[your company]", "[insert link]",
    // "[something useful to you]" (the add-in's own offer sentence), "<first name>", "[Nome]", "[qualcosa di utile]".
    private const string PlaceholderWords =
        "first|last|full|given|sur|name|names|company|organi[sz]ation|title|position|role|job|city|country|industry|date|day|time|topic|product|event|" +
        "number|amount|link|url|website|something|insert|add|your|recipient|prospect|contact|client|customer|target|personali[sz]ed|custom|" +
        "nome|cognome|azienda|società|ruolo|città|citta|data|giorno|ora|argomento|prodotto|evento|numero|sito|qualcosa|inserisci|inserire|aggiungi|" +
        "tuo|tua|tuoi|vostro|vostra|suo|sua|destinatario|cliente|contatto";

    // {{first_name}}, {name}, [First Name], [NAME], [something useful to you], [...], <first name>, %FIRSTNAME%, <<Name>>, *|FNAME|*, ${name}
    [GeneratedRegex(
        @"\{\{\s*[^{}\r\n]{1,40}?\s*\}\}" +
        @"|\{\s*(?i:first[ _]?name|last[ _]?name|full[ _]?name|name|company|organi[sz]ation|title|city|position|nome|cognome|azienda|società|citta|città)\s*\}" +
        // A bracketed blank: it starts with a placeholder word ("[Company]", "[COMPANY NAME]", "[insert link]"),
        // or holds only dots, dashes or x's ("[...]", "[___]", "[xxx]"). Editorial brackets ("[sic]", "[the board's]",
        // "[see attached]") and subject tags ("[EXTERNAL]") start with other words.
        @"|\[\s*(?:(?i:(?:" + PlaceholderWords + @")(?:['’]s)?\b[^\[\]\r\n]{0,40}?)|[.…_\-]{1,10}|[xX]{2,10})\s*\]" +
        // ...or ends with the kind of thing to fill in ("[Professor Name]", "[Editor's name]", "[Nome del cliente]" starts with one).
        @"|\[\s*[^\[\]\r\n]{0,30}?\b(?i:name|names|surname|nome|cognome|company|azienda)\s*\]" +
        @"|<\s*(?i:(?:" + PlaceholderWords + @")\b[^<>@\r\n:/]{0,30}?)\s*>" +
        @"|%[A-Z][A-Z0-9_]{1,30}%" +
        @"|<<\s*[\w ]{1,30}\s*>>" +
        @"|\*\|[A-Z0-9_]{1,30}\|\*" +
        @"|\$\{\s*\w{1,30}\s*\}",
        RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();

    // "_ __", "___", "…" standing where a name belongs
    [GeneratedRegex(@"^(?:[_\-*.…]+\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex BlankPattern();

    /// <summary>
    /// True for a greeting's name part that is a blank or an unfilled field. Where a name belongs, any bracketed
    /// text is one ("Dear [Professor],"): nobody's name is written in brackets.
    /// </summary>
    public static bool LooksLikePlaceholder(string namePart) =>
        BlankPattern().IsMatch(namePart) || Pattern().IsMatch(namePart) || namePart.Contains('_', StringComparison.Ordinal)
        || (namePart.StartsWith('[') && namePart.EndsWith(']'));
}

using System.Globalization;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.Reports.Output;

/// <summary>The page's wording in English and Italian, and numbers and dates in the reader's format.</summary>
internal sealed class ReportTexts
{
    private ReportTexts(string language)
    {
        Language = language;
        Culture = CultureInfo.GetCultureInfo(language == "it" ? "it-IT" : "en-GB");
    }

    public string Language { get; }

    public CultureInfo Culture { get; }

    public static ReportTexts For(string language) => new(language == "it" ? "it" : "en");

    public string T(string english, string italian) => Language == "it" ? italian : english;

    public string Title => T("Sent-mail report", "Rapporto sulla posta inviata");
    public string Sent => T("Sent", "Inviati");
    public string Outreach => T("Outreach", "Primi contatti");
    public string Replied => T("Replied", "Con risposta");
    public string AverageScore => T("Average score", "Punteggio medio");
    public string WeeksTitle => T("Week by week", "Settimana per settimana");
    public string BandsTitle => T("Reply rate by score", "Risposte per punteggio");
    public string RulesTitle => T("Replies when a rule was broken", "Risposte quando una regola non è rispettata");
    public string TemplatesTitle => T("Templates", "Modelli ripetuti");
    public string WeakestTitle => T("Weakest messages", "Messaggi più deboli");
    public string HowTitle => T("How this report counts", "Come conta questo rapporto");
    public string Broken => T("broken", "non rispettata");
    public string Kept => T("kept", "rispettata");
    public string Subject => T("Subject", "Oggetto");
    public string To => T("To", "A");
    public string Score => T("Score", "Punteggio");
    public string Rules => T("Rules", "Regole");
    public string Recipients => T("Recipients", "Destinatari");
    public string Messages => T("Messages", "Messaggi");
    public string Period => T("Period", "Periodo");
    public string Yes => T("yes", "sì");
    public string No => T("no", "no");
    public string NoneFired => T("none", "nessuna");
    public string NoOutreach => T("No outreach messages in this period: nothing to measure yet.", "Nessun primo contatto in questo periodo: ancora niente da misurare.");
    public string NoTemplates => T("No near-identical texts were sent to three or more people. Good.", "Nessun testo quasi identico inviato a tre o più persone. Bene.");
    public string TemplatesLead => T(
        "Near-identical texts sent to three or more people read as mass mail; these also count as breaking \"Never automate\".",
        "Testi quasi identici inviati a tre o più persone sembrano invii di massa; contano anche come violazione di \"Niente automatismi\".");
    public string WeakestLead => T("The lowest-scoring outreach messages: the ones most worth rewriting.", "I primi contatti con il punteggio più basso: quelli che conviene riscrivere.");
    public string RulesLead => T(
        "For each rule, the share of outreach messages that got a reply when the rule was broken and when it was kept.",
        "Per ogni regola, la quota di primi contatti che hanno avuto risposta quando la regola non era rispettata e quando lo era.");
    public string WeeksLead => T("Bars: outreach messages sent (darker part: replied). Line: average score.", "Barre: primi contatti inviati (parte scura: con risposta). Linea: punteggio medio.");
    public string ChartLabelWeeks => T("Outreach messages and average score per week", "Primi contatti e punteggio medio per settimana");

    public string OverallMark(string rate) => T($"The thin mark is the overall reply rate ({rate}).", $"Il segno sottile è la quota complessiva di risposte ({rate}).");

    /// <summary>The rule's title from the rule catalogue (its rule.json), as the add-in and the CLI show it; the id for an unknown rule.</summary>
    public string RuleTitle(string rule) => RuleCatalog.Describe(rule)?.Title.In(Language) ?? rule;

    public string Number(double value, int decimals = 0) => value.ToString("N" + decimals, Culture);

    public string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", Culture) + "%" : "-";

    public string Day(DateOnly date) => date.ToString(Language == "it" ? "d MMM yyyy" : "d MMM yyyy", Culture);

    public string Day(DateTimeOffset date) => Day(DateOnly.FromDateTime(date.UtcDateTime));

    /// <summary>"3 of 5 replied (60%)", or with the small-sample warning when there are too few.</summary>
    public string RepliedOf(int replied, int total, int smallSample)
    {
        if (total == 0)
            return T("no messages", "nessun messaggio");
        string text = T($"{replied} of {total} replied", $"{replied} su {total} con risposta");
        return total < smallSample
            ? text + T(" - too few to draw conclusions", " - troppo pochi per trarre conclusioni")
            : $"{text} ({Percent((double)replied / total)})";
    }

    public string SkippedNote(int skipped) => T(
        $"{skipped} not checked (the rule lacked what it checks against, such as a found-at page, or could not read the language)",
        $"{skipped} non verificati (alla regola mancava il riferimento, come la pagina dove è stato trovato l'indirizzo, o non legge la lingua)");

    public string NeverBroken(IEnumerable<string> rules) =>
        T("Not broken by any outreach message: ", "Mai violate nei primi contatti: ") + string.Join(", ", rules) + ".";

    public string SmallSampleBanner(int outreach) => T(
        $"Only {outreach} outreach messages: too few for the rates below to mean much. They show what to look at, not proof.",
        $"Solo {outreach} primi contatti: troppo pochi perché le percentuali qui sotto dicano molto. Indicano cosa guardare, non sono una prova.");

    public string UnscoredNote(int unscored, int outreach) => T(
        $"{unscored} of {outreach} outreach messages could not be scored (an empty body, or a language the analysis does not check): they are counted as outreach and in the replies, but left out of the average score, the score bands, the weakest messages and the adjusted effects.",
        $"{unscored} primi contatti su {outreach} non hanno un punteggio (testo vuoto, o una lingua che l'analisi non controlla): contano come primi contatti e nelle risposte, ma non nel punteggio medio, nelle fasce di punteggio, nei messaggi più deboli e negli effetti corretti.");

    public string TemplateDates(DateOnly first, DateOnly last) => first == last ? Day(first) : $"{Day(first)} – {Day(last)}";

    public IReadOnlyList<string> HowItems(int replyWindowDays) =>
    [
        T("An outreach message is one you sent that starts a conversation, to at least one person outside your organisation you had received nothing from before.",
          "Un primo contatto è un messaggio inviato da te che apre una conversazione, ad almeno una persona esterna alla tua organizzazione da cui non avevi mai ricevuto nulla."),
        T($"It counts as replied when that person wrote later in the same conversation, or wrote to you at all within {replyWindowDays} days.",
          $"Conta come risposto quando quella persona ha scritto dopo nella stessa conversazione, o ti ha scritto entro {replyWindowDays} giorni."),
        T("Scores are the same analysis as the add-in's (0-100, higher is better), made as if each recipient were new to you.",
          "I punteggi sono la stessa analisi del componente aggiuntivo (0-100, più alto è meglio), fatta come se ogni destinatario fosse nuovo."),
        T("A rule counts as broken when it reported a warning or an error. Message bodies are not stored in this report.",
          "Una regola conta come non rispettata quando ha segnalato un avviso o un errore. Il testo dei messaggi non è salvato in questo rapporto."),
    ];

    public string NoWeakest => T("No outreach message broke a rule: nothing to rewrite.", "Nessun primo contatto ha violato una regola: niente da riscrivere.");

    public string FollowUpsTitle => T("Waiting for a follow-up", "In attesa di un sollecito");

    public string FollowUpsLead => T(
        "Cold messages sent 4 to 14 days ago with no reply and no follow-up yet.",
        "Primi contatti inviati da 4 a 14 giorni, senza risposta e senza sollecito.");

    public string NoFollowUps => T("Nobody is waiting for a follow-up right now.", "Nessuno aspetta un sollecito in questo momento.");

    public IReadOnlyList<string> FollowUpEtiquette =>
    [
        T("Follow up once, not more.", "Un solo sollecito, non di più."),
        T("Add something of value: a result, a link, a shorter ask.", "Aggiungi qualcosa di utile: un risultato, un link, una richiesta più breve."),
        T("No guilt-tripping (\"I guess you were too busy\").", "Niente sensi di colpa (\"immagino fosse troppo impegnato\")."),
    ];

    public string DaysAgo(int days) => T($"{days} days ago", $"{days} giorni fa");

    public string MoreFollowUps(int more) => T($"And {more} more not listed.", $"E altri {more} non elencati.");

    public string FeaturesTitle => T("Your habits and your replies", "Le tue abitudini e le risposte");

    public string FeaturesLead => T(
        "Reply rates of your own outreach by length, questions, reading ease, subject, day and hour sent, and follow-ups; the whiskers are 95% intervals. In italics, figures published elsewhere, for comparison: they were not measured on your mail.",
        "Quote di risposta dei tuoi primi contatti per lunghezza, domande, leggibilità, oggetto, giorno e ora di invio, e solleciti; i baffi sono intervalli al 95%. In corsivo, dati pubblicati altrove, per confronto: non sono misurati sulla tua posta.");

    public string FeatureTitle(string feature) => feature switch
    {
        "length" => T("Length (words)", "Lunghezza (parole)"),
        "questions" => T("Questions asked", "Domande poste"),
        "readingEase" => T("Reading ease (Flesch in English, Gulpease in Italian; higher is easier)", "Leggibilità (Flesch in inglese, Gulpease in italiano; più alto è più facile)"),
        "subjectLength" => T("Subject length (words)", "Lunghezza dell'oggetto (parole)"),
        "weekday" => T("Day sent (your time zone)", "Giorno di invio (tuo fuso orario)"),
        "hour" => T("Hour sent (your time zone)", "Ora di invio (tuo fuso orario)"),
        "followedUp" => T("Followed up", "Con sollecito"),
        _ => feature,
    };

    public string BandLabel(string feature, string band) => (feature, band) switch
    {
        ("followedUp", "yes") => Yes,
        ("followedUp", "no") => No,
        ("readingEase", "unknown") => T("not measured", "non misurata"),
        ("weekday", _) => Language == "it" ? Culture.DateTimeFormat.GetAbbreviatedDayName(Enum.Parse<DayOfWeek>(WeekdayName(band))) : band,
        _ => band,
    };

    private static string WeekdayName(string abbreviation) =>
        Enum.GetNames<DayOfWeek>().First(n => n.StartsWith(abbreviation, StringComparison.Ordinal));

    public string Published(PublishedFigure figure) => T($"Published elsewhere ({figure.Source}): {figure.Finding}", $"Dato pubblicato altrove ({figure.Source}): {PublishedIt(figure)}");

    private static string PublishedIt(PublishedFigure figure) => figure.Id switch
    {
        "boomerang-length" => "i messaggi di 50-125 parole hanno avuto più risposte (oltre il 50%).",
        "lavender-length" => "25-50 parole hanno avuto il 67% di risposte in più di 125 parole.",
        "boomerang-questions" => "1-3 domande hanno avuto circa il 50% di risposte in più di nessuna.",
        "boomerang-reading" => "livello di lettura di terza elementare: 53% di risposte; livello universitario: 39%.",
        "lavender-reading" => "livello di quinta elementare: 67% di risposte in più rispetto alla decima classe e oltre.",
        "boomerang-subject" => "gli oggetti di 3-4 parole sono andati meglio.",
        "woodpecker-followup" => "un sollecito ha portato la quota media di risposte dal 9% al 13%.",
        "buzzstream-scale" => "campagne di 1-50 e-mail: 1,15% di risposte; di 1.001-5.000 e-mail: 0,37%.",
        _ => figure.Finding,
    };

    /// <summary>The plain sentence beside a rule: its adjusted effect with the interval, or why there is no verdict.</summary>
    public string VerdictSentence(RuleReplyStats rule)
    {
        if (rule.Verdict == Verdicts.TooFew)
            return T($"Too few messages broke it ({rule.Fired}) or kept it ({rule.NotFired}) to tell an effect from chance.",
                     $"Troppo pochi messaggi l'hanno violata ({rule.Fired}) o rispettata ({rule.NotFired}) per distinguere un effetto dal caso.");
        if (rule.AdjustedEffect is { } effect && rule.AdjustedEffectLow is { } low && rule.AdjustedEffectHigh is { } high && effect > 0 && low > 0)
        {
            // Said from the side of keeping the rule: "mails that kept it got 2.1x the replies".
            string ratio = Number(1 / effect, 1), from = Number(1 / high, 1), to = Number(1 / low, 1);
            string sentence = T($"Mails that kept it got {ratio}x the replies of those that broke it (95% interval {from}x-{to}x), other rules and templates held equal.",
                                $"I messaggi che la rispettavano hanno avuto {ratio} volte le risposte di quelli che la violavano (intervallo al 95% {from}-{to}), a parità di altre regole e modelli.");
            return sentence + " " + (rule.Verdict == Verdicts.CostsReplies
                ? T("Breaking it costs replies in your mail.", "Violarla costa risposte nella tua posta.")
                : T("No clear effect: the interval includes no difference.", "Nessun effetto chiaro: l'intervallo comprende l'assenza di differenza."));
        }

        return rule.Verdict == Verdicts.CostsReplies
            ? T("Breaking it went with fewer replies in your mail.", "Violarla è andata con meno risposte nella tua posta.")
            : T("No clear effect on replies in your mail.", "Nessun effetto chiaro sulle risposte nella tua posta.");
    }

    public string SkippedLine(IReadOnlyDictionary<string, int> skipped) =>
        T("Read but not counted: ", "Letti ma non contati: ") + string.Join(", ", skipped.Select(s => $"{s.Value} {s.Key}")) + ".";

    public string Generated(DateTimeOffset at) => T($"Generated {Day(at)}", $"Generato il {Day(at)}");
}

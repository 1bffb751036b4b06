using System.Text;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Benchmarks;

/// <summary>
/// Generates realistic outreach messages of a given size from sentence pools (greeting, context,
/// ask, reference, offer, filler), deterministically from a seed, in English or Italian, text or HTML.
/// </summary>
public static class SyntheticMessages
{
    private static readonly string[] EnglishSentences =
    [
        "I read your recent article on sleep and recovery for runners, and the part about rest days stayed with me.",
        "Our team has been building a small app that helps people plan calmer mornings.",
        "Could you spare fifteen minutes for a call next week?",
        "I'd be happy to share the results of our survey of four hundred users in return.",
        "We tested three colour palettes with people who describe themselves as anxious.",
        "The second palette reduced the number of abandoned sessions by a third.",
        "I know your time is precious, so I will keep this short.",
        "Last year I organised a meetup on accessible design in Turin with about sixty people.",
        "If it helps, I can introduce you to the researchers who ran the study.",
        "You mentioned in your newsletter that most wellness apps feel noisy.",
        "We would love your feedback on the onboarding flow before we launch it.",
        "Thanks again for the time you spend answering readers' questions.",
    ];

    private static readonly string[] ItalianSentences =
    [
        "Ho letto il tuo articolo recente sul sonno e sul recupero per chi corre, e la parte sui giorni di riposo mi ha colpito.",
        "Il nostro gruppo sta costruendo una piccola app che aiuta le persone a organizzare mattine più tranquille.",
        "Potresti dedicarmi quindici minuti per una chiamata la prossima settimana?",
        "In cambio sarei felice di condividere i risultati del nostro sondaggio su quattrocento utenti.",
        "Abbiamo provato tre palette di colori con persone che si descrivono come ansiose.",
        "La seconda palette ha ridotto di un terzo le sessioni abbandonate.",
        "So che il tuo tempo è prezioso, quindi sarò breve.",
        "L'anno scorso ho organizzato a Torino un incontro sul design accessibile con circa sessanta persone.",
        "Se può servire, posso presentarti i ricercatori che hanno condotto lo studio.",
        "Nella tua newsletter hai scritto che quasi tutte le app di benessere sembrano rumorose.",
        "Ci piacerebbe un tuo parere sul percorso di benvenuto prima del lancio.",
        "Grazie ancora per il tempo che dedichi alle domande dei lettori.",
    ];

    public static MessageInput Create(int bytes, string language = "en", bool html = false, int seed = 42)
    {
        var random = new Random(seed);
        string[] pool = language == "it" ? ItalianSentences : EnglishSentences;
        var body = new StringBuilder(bytes + 200);
        body.Append(language == "it" ? "Ciao Jane,\n\n" : "Dear Jane,\n\n");
        while (body.Length < bytes - 40)
        {
            body.Append(pool[random.Next(pool.Length)]);
            body.Append(random.Next(4) == 0 ? "\n\n" : " ");
        }
        body.Append(language == "it" ? "\n\nUn saluto,\nAnn" : "\n\nBest,\nAnn");

        string text = body.ToString();
        return new MessageInput
        {
            From = new EmailAddress("Ann Lee", "ann@lee.example"),
            To = [new EmailAddress("Jane Doe", "jane@shape.example")],
            Subject = language == "it" ? "Una domanda sul tuo articolo" : "A question about your article",
            Body = html ? "<html><body><p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n\n", "</p><p>", StringComparison.Ordinal) + "</p></body></html>" : text,
            BodyFormat = html ? BodyFormat.Html : BodyFormat.Text,
        };
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OutreachAdvisor.Reports.Benchmarks;

/// <summary>One generated outreach message: its text, its recipient, and the campaign it belongs to (-1: a personal message).</summary>
public sealed record CorpusMessage(string Text, string RecipientName, string RecipientAddress, int Campaign, string Language);

/// <summary>
/// The template benchmark's corpus (issue 12): mail-merge campaigns among many personal messages on
/// the same topics, in English and Italian, deterministic for a seed. Every text - campaign or
/// personal - is built from the same sentence pools, so personal messages share the campaigns'
/// genre, topics and stock phrases ("Would you have 15 minutes for a call next week?", "Thanks for
/// your time"). A campaign is one such text sent to 3-120 people, each copy with: the recipient's name
/// and company merged in; 0-3 slots of one or two words that vary per copy ("next week" / "on Friday",
/// a topic, a role); and, in half of the campaigns, a personalised first sentence about the
/// recipient's work. Personal messages are written one by one from the same pools.
/// </summary>
public static partial class CampaignCorpus
{
    public static List<CorpusMessage> Generate(int messages, string language, int seed = 1, double campaignShare = 0.3)
    {
        var random = new Random(seed);
        Pools pools = language == "it" ? Pools.Italian : Pools.English;
        var result = new List<CorpusMessage>(messages);
        int campaign = 0;
        while (result.Count < messages)
        {
            if (random.NextDouble() < campaignShare / 40)
            {
                // A campaign: a body with up to three slots, sent to 3-120 people.
                int size = Math.Min(messages - result.Count, random.Next(3, 121));
                if (size < 3)
                    break;
                int slots = random.Next(0, 4);
                bool personalOpening = random.Next(2) == 0;
                List<string> body = Body(random, pools, slots);
                string greeting = Pick(random, pools.Greeting), signOff = Pick(random, pools.SignOff);
                for (int i = 0; i < size; i++)
                {
                    (string name, string company, string address) = Person(random, pools);
                    string text = Render(random, pools, body, name, company, personalOpening, greeting, signOff);
                    result.Add(new CorpusMessage(text, name, address, campaign, language));
                }

                campaign++;
            }
            else
            {
                (string name, string company, string address) = Person(random, pools);
                string text = Render(random, pools, Body(random, pools, slots: 0), name, company, personalOpening: random.Next(2) == 0, Pick(random, pools.Greeting), Pick(random, pools.SignOff));
                result.Add(new CorpusMessage(text, name, address, -1, language));
            }
        }

        return result;
    }

    /// <summary>A body: sentences with their fills fixed, except for up to <paramref name="slots"/> placeholders left open as {slot:kind}.</summary>
    private static List<string> Body(Random random, Pools pools, int slots)
    {
        var sentences = new List<string> { Pick(random, pools.Intro) };
        int context = random.Next(2, 5);
        for (int i = 0; i < context; i++)
            sentences.Add(Pick(random, pools.Context));
        sentences.Add(Pick(random, pools.Ask));
        if (random.Next(3) > 0)
            sentences.Add(Pick(random, pools.Offer));
        sentences.Add(Pick(random, pools.Closing));

        // Fill every placeholder now, except `slots` of them chosen at random, which vary per copy.
        var placeholders = new List<(int Sentence, Match Match)>();
        for (int s = 0; s < sentences.Count; s++)
            placeholders.AddRange(Placeholder().Matches(sentences[s]).Select(m => (s, m)));
        HashSet<(int, int)> open = placeholders.OrderBy(_ => random.Next()).Take(slots).Select(p => (p.Sentence, p.Match.Index)).ToHashSet();
        for (int s = 0; s < sentences.Count; s++)
        {
            int index = s;
            sentences[s] = Placeholder().Replace(sentences[s], m => open.Contains((index, m.Index)) ? "{slot:" + m.Groups[1].Value + "}" : Fill(random, pools, m.Groups[1].Value));
        }

        return sentences;
    }

    private static string Render(Random random, Pools pools, List<string> body, string name, string company, bool personalOpening, string greeting, string signOff)
    {
        var text = new StringBuilder(1000);
        text.Append(greeting).Append(' ').Append(name).Append(",\n\n");
        if (personalOpening)
            text.Append(Placeholder().Replace(Pick(random, pools.Opening), m => Fill(random, pools, m.Groups[1].Value))).Append(' ');
        for (int s = 0; s < body.Count; s++)
        {
            string sentence = SlotPattern().Replace(body[s], m => Fill(random, pools, m.Groups[1].Value)).Replace("{company}", company, StringComparison.Ordinal);
            text.Append(sentence).Append(s == 1 || s == body.Count - 2 ? "\n\n" : " ");
        }

        return text.Append("\n\n").Append(signOff).Append("\nAnn Lee\nDesign researcher, Lee Studio\n+39 333 123 4567").ToString();
    }

    private static (string Name, string Company, string Address) Person(Random random, Pools pools)
    {
        string first = Pick(random, pools.FirstNames);
        string last = Pick(random, pools.LastNames);
        string company = Pick(random, pools.Companies) + (random.Next(3) == 0 ? " " + Pick(random, pools.CompanySuffixes) : string.Empty);
        string domain = new string(company.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray()) + random.Next(1000).ToString(CultureInfo.InvariantCulture) + ".example";
        return ($"{first} {last}", company, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{domain}");
    }

    private static string Fill(Random random, Pools pools, string kind) => kind switch
    {
        "topic" => Pick(random, pools.Topics),
        "when" => Pick(random, pools.When),
        "role" => Pick(random, pools.Roles),
        "thing" => Pick(random, pools.Things),
        "n" => random.Next(2, 40).ToString(CultureInfo.InvariantCulture),
        "company" => "{company}",
        _ => kind,
    };

    private static string Pick(Random random, string[] options) => options[random.Next(options.Length)];

    [GeneratedRegex(@"\{(topic|when|role|thing|n|company)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{slot:(\w+)\}")]
    private static partial Regex SlotPattern();

    private sealed record Pools(
        string[] Greeting, string[] Opening, string[] Intro, string[] Context, string[] Ask, string[] Offer, string[] Closing, string[] SignOff,
        string[] Topics, string[] When, string[] Roles, string[] Things, string[] FirstNames, string[] LastNames, string[] Companies, string[] CompanySuffixes)
    {
        public static Pools English { get; } = new(
            Greeting: ["Hi", "Hello", "Dear", "Hey"],
            Opening:
            [
                "I just finished your piece on {topic} and the part about {thing} stayed with me.",
                "Your talk on {topic} last month changed how I think about {thing}.",
                "I have been following your work on {topic} since your post about {thing}.",
                "A colleague sent me your article on {topic}, and I loved the example of {thing}.",
                "Your newsletter issue about {thing} was the clearest take on {topic} I have read.",
                "I listened to your episode on {topic} twice, especially the bit on {thing}.",
            ],
            Intro:
            [
                "I am a {role} at a small studio working on {topic}.",
                "I run a tiny practice that helps teams with {topic}.",
                "For the last {n} months I have been researching {topic} for a book.",
                "I lead the {topic} work at {company}'s neighbour, a start-up of {n} people.",
                "I am writing a report on {topic} and how teams handle {thing}.",
                "I teach a short course on {topic} and I am preparing a new module on {thing}.",
                "My team is building a tool for {topic} and {thing}.",
                "I am a freelance {role} and most of my clients care about {topic}.",
            ],
            Context:
            [
                "We tested {n} different approaches to {thing} with real users.",
                "Most of the teams we talked to struggle with {thing} more than with {topic}.",
                "The early results suggest that {thing} matters more than anyone expected.",
                "We are about {n} weeks away from sharing a first draft.",
                "It started as a side project and grew into a study of {thing}.",
                "I noticed that {company} has been doing interesting things with {topic}.",
                "Our survey had {n} answers, and {thing} came up in almost all of them.",
                "There is very little written about {thing} in the context of {topic}.",
                "I keep coming back to the question of how {thing} changes {topic}.",
                "We have been piloting it with a {role} and two designers.",
            ],
            Ask:
            [
                "Would you have 15 minutes for a call {when}?",
                "Could you spare half an hour {when} to look at a draft?",
                "Would you be open to a short interview about {topic} {when}?",
                "Could I send you a two-page summary and hear what you think?",
                "Would you be willing to review our findings on {thing}?",
                "Is there someone at {company} who works on {thing} I could talk to?",
                "Would you consider sharing our survey about {topic} with your readers?",
                "Could we meet for a coffee {when} to talk about {thing}?",
                "Would you mind if I quoted your post on {thing} in the report?",
                "Could you point me to data on {thing} that you trust?",
                "Would you join a panel on {topic} {when}?",
                "Could I ask you three short questions about {thing} by e-mail?",
                "Would you be up for a quick chat about {topic} {when}?",
            ],
            Offer:
            [
                "I would be happy to share the full results with you in return.",
                "Happy to send you the data set we collected on {thing}.",
                "If it helps, I can introduce you to the people behind the survey.",
                "I can share our notes on {topic} before they are published.",
                "We will credit everyone who helps in the final report.",
                "In return I could give your team early access to {thing} tooling.",
                "I would gladly review something of yours on {topic} in exchange.",
                "If you ever need participants for a study on {thing}, our panel is yours.",
                "I can send you the slides from my workshop on {topic}.",
                "Our write-up on {thing} might be useful for your next piece.",
                "Happy to return the favour with feedback on anything you are writing.",
                "I could share the interview notes with {n} teams about {thing}.",
            ],
            Closing:
            [
                "Thanks for reading this far.",
                "No worries at all if the timing does not work.",
                "I know you are busy, so any answer is welcome.",
                "Thank you for your time.",
                "Either way, thank you for your work on {topic}.",
                "I hope the rest of your week goes well.",
                "Looking forward to hearing what you think about {thing}.",
                "If this is not your area, a pointer to the right person would be great.",
                "Sorry for the long message, and thanks for your patience.",
                "I will not follow up more than once, promise.",
                "Feel free to ignore this if you are swamped with {topic} work.",
                "Your writing on {thing} has helped me a lot already.",
            ],
            SignOff: ["Best,", "Thanks,", "Kind regards,", "Cheers,", "All the best,"],
            Topics: ["accessibility", "onboarding", "pricing pages", "dark patterns", "design systems", "remote research", "colour contrast", "voice interfaces", "checkout flows", "error messages", "data visualisation", "mobile forms", "search results", "empty states", "notifications", "user interviews", "dashboards", "privacy settings", "sign-up forms", "help centres"],
            When: ["next week", "this week", "on Friday", "on Monday", "this month", "before the summer", "after the holidays", "in March", "tomorrow", "later this week"],
            Roles: ["designer", "researcher", "product manager", "writer", "developer", "consultant", "editor", "strategist"],
            Things: ["trust", "friction", "first impressions", "habit loops", "defaults", "microcopy", "loading times", "handoffs", "feedback loops", "naming", "tone of voice", "hierarchy", "motion", "consistency", "edge cases", "cognitive load"],
            FirstNames: ["Jane", "Marco", "Lucy", "Omar", "Giulia", "Tom", "Sara", "Paolo", "Anna", "David", "Elena", "James", "Chiara", "Kevin", "Laura", "Ahmed", "Francesca", "Peter", "Martina", "Chris"],
            LastNames: ["Doe", "Rossi", "Smith", "Khan", "Bianchi", "Brown", "Ricci", "Taylor", "Conti", "Wilson", "Greco", "Moore", "Romano", "Clark", "Colombo", "Walker"],
            Companies: ["Shape", "Vogue", "Northwind", "Fabrikam", "Contoso", "Litware", "Adatum", "Tailspin", "Wingtip", "Proseware", "Lumen", "Orbit", "Quartz", "Helix", "Nimbus"],
            CompanySuffixes: ["Studio", "Labs", "Media", "Group", "Press"]);

        public static Pools Italian { get; } = new(
            Greeting: ["Ciao", "Gentile", "Buongiorno", "Caro"],
            Opening:
            [
                "Ho appena letto il suo articolo su {topic} e la parte su {thing} mi è rimasta in mente.",
                "Il suo intervento su {topic} del mese scorso mi ha fatto ripensare a {thing}.",
                "Seguo il suo lavoro su {topic} dal suo post su {thing}.",
                "Una collega mi ha girato il suo pezzo su {topic}, e l'esempio su {thing} è splendido.",
                "La sua newsletter su {thing} è la cosa più chiara che ho letto su {topic}.",
                "Ho ascoltato due volte la puntata su {topic}, soprattutto la parte su {thing}.",
            ],
            Intro:
            [
                "Sono una {role} in un piccolo studio che si occupa di {topic}.",
                "Ho un piccolo studio che aiuta i gruppi di lavoro con {topic}.",
                "Negli ultimi {n} mesi ho fatto ricerca su {topic} per un libro.",
                "Guido il lavoro su {topic} in una start-up di {n} persone vicina a {company}.",
                "Sto scrivendo un rapporto su {topic} e su come i gruppi gestiscono {thing}.",
                "Insegno in un breve corso su {topic} e preparo un nuovo modulo su {thing}.",
                "Il mio gruppo sta costruendo uno strumento per {topic} e {thing}.",
                "Lavoro come {role} indipendente e quasi tutti i miei clienti tengono a {topic}.",
            ],
            Context:
            [
                "Abbiamo provato {n} approcci diversi a {thing} con utenti veri.",
                "Quasi tutti i gruppi con cui abbiamo parlato faticano più con {thing} che con {topic}.",
                "I primi risultati dicono che {thing} conta più di quanto ci aspettassimo.",
                "Mancano circa {n} settimane alla prima bozza.",
                "È nato come progetto personale ed è diventato uno studio su {thing}.",
                "Ho notato che {company} sta facendo cose interessanti con {topic}.",
                "Il nostro questionario ha avuto {n} risposte, e {thing} compare quasi ovunque.",
                "Si è scritto molto poco su {thing} nel contesto di {topic}.",
                "Continuo a chiedermi come {thing} cambi {topic}.",
                "Lo stiamo provando con una {role} e due designer.",
            ],
            Ask:
            [
                "Avrebbe 15 minuti per una chiamata {when}?",
                "Potrebbe dedicarmi mezz'ora {when} per guardare una bozza?",
                "Sarebbe disponibile per una breve intervista su {topic} {when}?",
                "Posso mandarle un riassunto di due pagine e sentire cosa ne pensa?",
                "Sarebbe disposta a rivedere i nostri risultati su {thing}?",
                "C'è qualcuno in {company} che lavora su {thing} con cui potrei parlare?",
                "Potrebbe condividere il nostro questionario su {topic} con i suoi lettori?",
                "Potremmo prendere un caffè {when} per parlare di {thing}?",
                "Le dispiace se cito il suo post su {thing} nel rapporto?",
                "Potrebbe indicarmi dati affidabili su {thing}?",
                "Parteciperebbe a un incontro su {topic} {when}?",
                "Posso farle tre brevi domande su {thing} per e-mail?",
                "Avrebbe voglia di fare due chiacchiere su {topic} {when}?",
            ],
            Offer:
            [
                "In cambio sarei felice di condividere con lei i risultati completi.",
                "Le mando volentieri i dati che abbiamo raccolto su {thing}.",
                "Se le è utile, posso presentarle le persone dietro il questionario.",
                "Posso condividere le nostre note su {topic} prima della pubblicazione.",
                "Nel rapporto finale ringrazieremo chi ci ha aiutato.",
                "In cambio potrei dare al suo gruppo un accesso anticipato agli strumenti per {thing}.",
                "Rivedrei volentieri un suo lavoro su {topic} in cambio.",
                "Se le servono partecipanti per uno studio su {thing}, il nostro gruppo è a disposizione.",
                "Posso mandarle le slide del mio laboratorio su {topic}.",
                "La nostra sintesi su {thing} potrebbe esserle utile per il prossimo articolo.",
                "Ricambio volentieri con un parere su qualunque cosa stia scrivendo.",
                "Potrei condividere gli appunti delle interviste con {n} gruppi su {thing}.",
            ],
            Closing:
            [
                "Grazie per aver letto fin qui.",
                "Nessun problema se il momento non è quello giusto.",
                "So che è molto impegnata, quindi ogni risposta è benvenuta.",
                "La ringrazio per il suo tempo.",
                "In ogni caso, grazie per il suo lavoro su {topic}.",
                "Le auguro una buona settimana.",
                "Sono curiosa di sapere cosa pensa di {thing}.",
                "Se non è il suo ambito, mi basterebbe il nome della persona giusta.",
                "Mi scusi per il messaggio lungo, e grazie della pazienza.",
                "Non le scriverò più di una volta, promesso.",
                "Ignori pure questo messaggio se è sommersa dal lavoro su {topic}.",
                "I suoi scritti su {thing} mi hanno già aiutata molto.",
            ],
            SignOff: ["Cordiali saluti,", "Grazie,", "Un saluto,", "A presto,", "Grazie mille,"],
            Topics: ["accessibilità", "onboarding", "pagine dei prezzi", "interfacce vocali", "sistemi di design", "ricerca a distanza", "contrasto dei colori", "moduli di pagamento", "messaggi di errore", "visualizzazione dei dati", "moduli su mobile", "risultati di ricerca", "notifiche", "interviste agli utenti", "cruscotti", "impostazioni della privacy", "moduli di iscrizione", "centri assistenza"],
            When: ["la prossima settimana", "questa settimana", "venerdì", "lunedì", "questo mese", "prima dell'estate", "dopo le feste", "a marzo", "domani", "in settimana"],
            Roles: ["designer", "ricercatrice", "product manager", "autrice", "sviluppatrice", "consulente", "redattrice", "strategist"],
            Things: ["fiducia", "attrito", "prime impressioni", "abitudini", "impostazioni predefinite", "microcopy", "tempi di caricamento", "passaggi di consegne", "cicli di feedback", "nomi", "tono di voce", "gerarchia", "animazioni", "coerenza", "casi limite", "carico cognitivo"],
            FirstNames: ["Giulia", "Marco", "Chiara", "Paolo", "Francesca", "Luca", "Martina", "Andrea", "Sara", "Davide", "Elena", "Matteo", "Laura", "Simone", "Anna", "Stefano"],
            LastNames: ["Rossi", "Bianchi", "Ricci", "Conti", "Greco", "Romano", "Colombo", "Ferrari", "Esposito", "Russo", "Gallo", "Costa", "Fontana", "Moretti"],
            Companies: ["Forma", "Lumen", "Orbita", "Quarzo", "Elica", "Nembo", "Tessera", "Vela", "Ardesia", "Corallo", "Faro", "Mosaico"],
            CompanySuffixes: ["Studio", "Lab", "Media", "Gruppo", "Edizioni"]);
    }
}

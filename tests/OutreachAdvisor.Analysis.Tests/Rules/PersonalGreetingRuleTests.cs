using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.PersonalGreeting;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class PersonalGreetingRuleTests : RuleTestBase<PersonalGreetingRule, PersonalGreetingRuleTests>
{
    private static readonly EmailAddress Claire = new("Claire Dubois", "claire@dubois.example");

    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "the article's 'Dear _ __'", Message("Dear _ __,\n\nI would love to pick your brain over coffee.")).Expect("placeholder", "Dear _ __,"),
        new RuleCase("en", "bracketed placeholder", Message("Dear [Name],\nI hope you are well.")).Expect("placeholder", "Dear [Name],"),
        new RuleCase("en", "mustache merge field", Message("Hi {{first_name}},\nQuick question for you.")).Expect("placeholder", "Hi {{first_name}},"),
        new RuleCase("en", "Sir or Madam", Message("Dear Sir or Madam,\nI am writing to ask for advice.")).Expect("impersonal", "Dear Sir or Madam"),
        new RuleCase("en", "to whom it may concern", Message("To whom it may concern,\nPlease find my CV attached.")).Expect("impersonal", "To whom it may concern"),
        new RuleCase("en", "empty name", Message("Dear ,\nI saw your talk.")).Expect("placeholder", "Dear ,"),
        new RuleCase("en", "merge field in the subject", Message("Dear Jane,\nI loved your article.", subject: "An idea for %COMPANY%")).Expect("subject-merge-field"),
        new RuleCase("en", "merge field later in the body", Message("Hi Jane,\nI know *|COMPANY|* is growing fast.")).Expect("merge-field", "*|COMPANY|*"),
        new RuleCase("it", "the article's 'Caro _ __'", Message("Caro _ __,\n\nvorrei chiederti un consiglio.")).Expect("placeholder", "Caro _ __,"),
        new RuleCase("it", "Caro ___", Message("Caro ___,\nti scrivo per una proposta.")).Expect("placeholder", "Caro ___,"),
        new RuleCase("it", "Gentile Signore/Signora", Message("Gentile Signore/Signora,\nLe scrivo per chiederle un parere.")).Expect("impersonal", "Gentile Signore/Signora"),
        new RuleCase("it", "a chi di competenza", Message("A chi di competenza,\nallego il mio curriculum.")).Expect("impersonal", "A chi di competenza"),
        new RuleCase("it", "campo [Nome]", Message("Ciao [Nome],\nho una domanda.")).Expect("placeholder", "Ciao [Nome],"),
        new RuleCase("en", "the add-in's own offer placeholder left in", Message("Hi Jane,\nCould you review my deck? In return, I'd be glad to help with [something useful to you] - just let me know.")).Expect("merge-field", "[something useful to you]"),
        new RuleCase("it", "il segnaposto dell'add-in lasciato", Message("Ciao Jane,\nmi daresti un parere? In cambio, sarei felice di aiutarti con [qualcosa di utile per te]: fammi sapere.")).Expect("merge-field", "[qualcosa di utile per te]"),
        new RuleCase("en", "template blanks left in", Message("Hi Jane,\nI saw that [Company] is hiring and [...] would love to chat. Best, <first name>")).Expect("merge-field", "[Company]", "[...]", "<first name>"),
        new RuleCase("it", "campi del modello lasciati", Message("Buongiorno Marco,\nho visto che [Azienda] cerca un grafico. Cordiali saluti, [NOME E COGNOME]", to: [Marco])).Expect("merge-field", "[Azienda]", "[NOME E COGNOME]"),
        new RuleCase("en", "hello with no name to a stranger", Message("Hello,\nI'm a product designer and would love 15 minutes of your time.")).Expect("impersonal", "Hello,"),
        new RuleCase("en", "a title with no name to a stranger", Message("Dear Professor,\nI would be grateful for your advice on my thesis.")).Expect("impersonal", "Dear Professor,"),
        new RuleCase("en", "hi all to one person", Message("Hi all,\nCould you send me the report?")).Expect("impersonal", "Hi all"),
        new RuleCase("it", "buongiorno senza nome a uno sconosciuto", Message("Buongiorno,\nvorrei chiederLe un parere sul mio progetto.")).Expect("impersonal", "Buongiorno,"),
        new RuleCase("it", "Gentile Signore o Signora", Message("Gentile Signore o Signora,\nallego il mio curriculum per la posizione aperta.")).Expect("impersonal", "Gentile Signore o Signora"),
        new RuleCase("fr", "a French formula to a named person", Message("Madame, Monsieur,\n\nJe me permets de vous écrire pour vous demander un conseil sur ma candidature. Pourriez-vous me consacrer quelques minutes ?\n\nCordialement,\nMarc", to: [Claire])).Expect("impersonal", "Madame, Monsieur"),
        new RuleCase("de", "a German formula to a named person", Message("Sehr geehrte Damen und Herren,\n\nich schreibe Ihnen, weil ich eine Frage zu meiner Bewerbung habe. Hätten Sie nächste Woche kurz Zeit?\n\nMit freundlichen Grüßen\nJonas", to: [Claire])).Expect("impersonal", "Sehr geehrte Damen und Herren"),
        new RuleCase("es", "a Spanish greeting with a hole", Message("Estimado ___,\n\nle escribo para pedirle un consejo sobre mi solicitud. ¿Tendría unos minutos la semana que viene?\n\nUn saludo,\nPablo", to: [Claire])).Expect("placeholder", "Estimado ___,"),
        new RuleCase("it", "saluta un reparto", Message("Buongiorno Ufficio Acquisti,\nvi scrivo per presentarvi il nostro catalogo.", to: [new(null, "acquisti@mobilificio.example")])).Expect("impersonal", "Buongiorno Ufficio Acquisti"),
        new RuleCase("en", "greets a department", Message("Hello Sales Team,\nI'd like to show you our new scheduling tool.", to: [new(null, "sales@brightwave.example")])).Expect("impersonal", "Hello Sales Team"),
        new RuleCase("it", "un ruolo con il suo ufficio", Message("Gentile Responsabile delle Risorse Umane,\nle invio il mio curriculum.", to: [new("Monica Scalise", "m.scalise@calabriaweb.example")])).Expect("impersonal", "Gentile Responsabile delle Risorse Umane"),
        new RuleCase("en", "a head-of role", Message("Dear Head of Talent,\nI'm applying for the analyst role.", to: [new("Rita Moss", "rita.moss@firm.example")])).Expect("impersonal", "Dear Head of Talent"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "greets by first name", Message("Dear Jane,\nI loved your piece on carriage horses.")),
        new RuleCase("en", "Hi with full name", Message("Hi Jane Doe, thanks for the talk yesterday.")),
        new RuleCase("en", "honorific and surname", Message("Dear Dr. Doe,\nThank you for your lecture.")),
        new RuleCase("en", "name only line", Message("Jane,\nthe slides are attached as promised.")),
        new RuleCase("en", "square brackets that are not a field", Message("Dear Jane,\nThe results [see attached] look good.")),
        new RuleCase("it", "saluta per nome", Message("Cara Jane,\nho letto il tuo articolo su SHAPE.")),
        new RuleCase("it", "Gentile dott.ssa", Message("Gentile dott.ssa Rossi,\nLa ringrazio per l'intervento.")),
        new RuleCase("it", "Ciao con nome", Message("Ciao Marco, ci vediamo domani?", to: [Marco])),
        new RuleCase("en", "title and surname", Message("Dear Dr. Okafor,\nThank you for your lecture on malaria vaccines.", to: [new("Chidi Okafor", "c.okafor@uni.example")])),
        new RuleCase("en", "Ms and surname", Message("Good morning Ms Patel,\nI'm writing about the internship.", to: [new("Anita Patel", "anita.patel@firm.example")])),
        new RuleCase("en", "Prof. and surname", Message("Dear Prof. Lindqvist,\nI read your paper on glacier melt.", to: [new("Eva Lindqvist", "e.lindqvist@uni.example")])),
        new RuleCase("it", "Gentile Signora e cognome", Message("Gentile Signora Bruno,\nLe scrivo per il corso di marzo.", to: [new("Anna Bruno", "anna.bruno@scuola.example")])),
        new RuleCase("it", "Egregio Avv. e cognome", Message("Egregio Avv. Conti,\nLa ringrazio per la disponibilità.", to: [new("Piero Conti", "p.conti@studioconti.example")])),
        new RuleCase("it", "Caro Prof. e cognome", Message("Caro Prof. Marini,\nLe scrivo per la tesi.", to: [new("Luigi Marini", "l.marini@uni.example")])),
        new RuleCase("it", "Spett.le Ing. e cognome", Message("Spett.le Ing. Galli,\ncome da accordi Le invio il preventivo.", to: [new("Sara Galli", "s.galli@galli-impianti.example")])),
        new RuleCase("it", "Gentile Sig.ra e cognome", Message("Gentile Sig.ra Esposito,\nLa contatto per il sopralluogo.", to: [new("Rita Esposito", "rita.esposito@esempio.example")])),
        new RuleCase("en", "hi all to two colleagues", Message("Hi all,\ncould you send me your slides by Friday?", to: [Priya, new("Tom Reed", "tom.reed@lee.example")])),
        new RuleCase("it", "ciao a tutti a tre colleghi", Message("Ciao a tutti,\nmi mandate le slide entro venerdì?", to: [Priya, new("Tom Reed", "tom.reed@lee.example"), new("Sara Neri", "sara.neri@lee.example")])),
        new RuleCase("en", "a bare hi to a colleague", Message("Hi,\nthe build is green again.", to: [Priya])),
        new RuleCase("it", "buongiorno a un collega", Message("Buongiorno,\nil verbale è nella cartella condivisa.", to: [Priya])),
        new RuleCase("en", "an editorial [sic] is not a blank", Message("Dear Jane,\nYou wrote that it was “the best [sic] year ever”, and I agree.")),
        new RuleCase("en", "a mail gateway's subject tag is not a field", Message("Dear Jane,\nThanks for the contract.", subject: "[EXTERNAL] Re: contract")),
        new RuleCase("fr", "Chère Madame is the formal French greeting, not a name", Message("Chère Madame,\n\nJe me permets de vous écrire pour vous demander un conseil sur ma candidature. Pourriez-vous me consacrer quelques minutes la semaine prochaine ?\n\nCordialement,\nMarc", to: [Claire])),
        new RuleCase("de", "Sehr geehrte Frau and surname", Message("Sehr geehrte Frau Weber,\n\nich schreibe Ihnen, weil ich eine Frage zu meiner Bewerbung habe. Hätten Sie nächste Woche kurz Zeit?\n\nMit freundlichen Grüßen\nJonas", to: [new("Petra Weber", "p.weber@firma.example")])),
        new RuleCase("es", "Hola and a first name", Message("Hola Marta,\n\nte escribo para pedirte un consejo sobre mi solicitud. ¿Tendrías unos minutos la semana que viene?\n\nUn saludo,\nPablo", to: [new("Marta Gil", "marta.gil@empresa.example")])),
        new RuleCase("nl", "Beste and a first name", Message("Beste Jan,\n\nik schrijf je omdat ik een vraag heb over mijn sollicitatie. Heb je volgende week even tijd?\n\nGroeten,\nSanne", to: [new("Jan de Vries", "jan@bedrijf.example")])),
        new RuleCase("en", "Don is a name in English", Message("Dear Don,\nI enjoyed your talk on soil health and have one question.", to: [new("Don Walsh", "don.walsh@farm.example")])),
        new RuleCase("en", "'Hi everyone' to a staff list", Message("Hi everyone,\nThe lifts are out of service on Monday.", to: [new(null, "all-staff@lee.example")])),
        new RuleCase("it", "'Ciao a tutte' a una lista dei soci", Message("Ciao a tutte,\nla riunione di giovedì è spostata alle 21.", to: [new(null, "soci@circolo-lettura.example")])),
        new RuleCase("it", "'Buongiorno a entrambi' a due persone", Message("Buongiorno a entrambi,\nvi mando il verbale della riunione.", to: [Marco, Giulia])),
        new RuleCase("en", "'Hi all' to a mailing in Bcc", Message("Hi all,\nOur spring catalogue is out.", to: [Ann], bcc: [Jane, Marco, Giulia])),
        new RuleCase("it", "'Buongiorno a tutti' con i destinatari in Ccn", Message("Buongiorno a tutti,\nvi mando il listino.", to: [Ann], bcc: [Jane, Marco])),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void Placeholder_greeting_is_an_error_with_the_placeholder_as_evidence()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "blank", Message("Dear _ __,\nHello.")));
        Finding finding = outcome.Findings.Single();
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(new Evidence(0, 10, "Dear _ __,"), finding.Evidence.Single());
    }

    [TestMethod]
    public void Placeholder_fix_puts_the_recipients_first_name_in_its_place()
    {
        MessageInput message = Message("Dear _ __,\nHello.");
        TextFix fix = Evaluate(new RuleCase("en", "blank", message)).Findings.Single().Fix!;
        string fixedText = message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement);
        Assert.AreEqual("Dear Jane,\nHello.", fixedText);
    }

    [TestMethod]
    public void Impersonal_fix_replaces_the_whole_greeting_in_the_message_language()
    {
        MessageInput message = Message("Gentile Signore/Signora,\nLe scrivo per chiederle un parere sul mio progetto.", to: [Marco]);
        TextFix fix = Evaluate(new RuleCase("it", "impersonal", message)).Findings.Single().Fix!;
        Assert.AreEqual("Gentile Marco,\nLe scrivo", message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement)[..24]);
    }

    [TestMethod]
    public void No_greeting_gives_an_info_hint_only()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "none", Message("I loved your piece on carriage horses.")));
        Assert.AreEqual(Severity.Info, outcome.Findings.Single().Severity);
        Assert.AreEqual(CheckStatus.Passed, outcome.Status);
    }

    [TestMethod]
    public void Works_in_a_language_the_analyzer_does_not_check()
    {
        Outcome outcome = Evaluate(new RuleCase("de", "German", Message("Dear [Name],\nich habe eine Frage zu Ihrem Projekt und wir würden uns freuen, wenn Sie Zeit für uns hätten.")));
        Assert.AreEqual(CheckStatus.Failed, outcome.Status);
    }

    [TestMethod]
    public void Html_body_offsets_point_into_the_plain_text()
    {
        MessageInput message = Message("<html><body><p>Dear&nbsp;[Name],</p><p>I would love your <b>advice</b>.</p></body></html>", format: BodyFormat.Html);
        AssertFires(new RuleCase("en", "html", message).Expect("placeholder", "Dear [Name],"));
    }

    [TestMethod]
    [DataRow("Caro ___,\nti scrivo per una proposta.", "Ciao Giulia,\nti scrivo per una proposta.")]
    [DataRow("Cara _ __,\nti scrivo per una proposta.", "Ciao Giulia,\nti scrivo per una proposta.")]
    [DataRow("Egregio ___,\nLe scrivo per una proposta.", "Gentile Giulia,\nLe scrivo per una proposta.")]
    [DataRow("Gentile ___,\nLe scrivo per una proposta.", "Gentile Giulia,\nLe scrivo per una proposta.")]
    [DataRow("Ciao [Nome],\nti scrivo per una proposta.", "Ciao Giulia,\nti scrivo per una proposta.")]
    public void Italian_fixes_never_guess_a_gender(string body, string expected)
    {
        MessageInput message = Message(body, to: [Giulia]);
        TextFix fix = Evaluate(new RuleCase("it", "gender", message)).Findings.Single().Fix!;
        Assert.AreEqual(expected, message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement));
    }

    [TestMethod]
    public void Two_hundred_thousand_merge_fields_are_one_finding_counted_where_read_and_a_small_response()
    {
        MessageInput message = Message("Hi Jane,\n" + string.Concat(Enumerable.Repeat("{{a}} ", 200_000)));
        AnalysisResult result = OutreachAnalyzer.Default.Analyze(message);
        Finding fields = result.Findings.Single(f => f.MessageId == Id("merge-field"));
        Assert.HasCount(Finding.MaxEvidence, fields.Evidence);
        // The analysis reads the first OutreachAnalyzer.MaxTextChars characters (issue 15): every field in them is
        // counted, and the result says the rest was not read.
        int read = result.Truncated!.TextCharactersRead!.Value;
        int inRead = result.PlainText[..read].Split("{{a}}").Length - 1;
        Assert.IsGreaterThan(5_000, inRead);
        Assert.AreEqual(inRead, fields.EvidenceTotal);
        StringAssert.StartsWith(fields.Message, $"{inRead} unfilled mail-merge fields");
        Assert.AreEqual(message.Body.Length, result.Truncated.TextCharacters);
        Assert.AreEqual("check/text-cut", result.Checks.Single(c => c.Rule == "personal-greeting").DetailId);
        Assert.IsLessThan(20_000, Json.AnalysisJson.Serialize(result, indented: false).Length);
    }
}

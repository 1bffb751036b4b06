using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules.RightRecipient;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Rules;

[TestClass]
public sealed class RightRecipientRuleTests : RuleTestBase<RightRecipientRule, RightRecipientRuleTests>
{
    public static IEnumerable<object[]> MustFire => new RuleCase[]
    {
        new RuleCase("en", "the article's 'perfect for Self' to a SHAPE writer", Message("Hi Jane,\nI have a story idea that would be perfect for Self. Could we talk?")).Expect("wrong-outlet", "Self"),
        new RuleCase("en", "greets someone else", Message("Dear Sarah,\nI loved your piece on sleep.")).Expect("wrong-name", "Sarah"),
        new RuleCase("en", "names someone else on the first line", Message("Sarah,\nI loved your piece on sleep.")).Expect("wrong-name", "Sarah"),
        new RuleCase("en", "wrong readers", Message("Hi Jane,\nYour readers at Vogue would love this.")).Expect("wrong-outlet", "Vogue"),
        new RuleCase("it", "'perfetta per Self' a chi scrive per SHAPE", Message("Ciao Jane,\nho un'idea che sarebbe perfetta per Self. Possiamo sentirci?")).Expect("wrong-outlet", "Self"),
        new RuleCase("it", "saluta un'altra persona", Message("Cara Giulia,\nho letto il tuo articolo.")).Expect("wrong-name", "Giulia"),
        new RuleCase("en", "pitched for another magazine's readers", Message("Hi Dana,\nI think this story is a natural fit for Vogue: the readers of Vogue love this kind of thing.", to: [new("Dana Kim", "dana.kim@elle.example")])).Expect("wrong-outlet", "Vogue", "Vogue"),
        new RuleCase("it", "proposta per un'altra rivista", Message("Buongiorno Sara,\nvi propongo un servizio per la rivista Focus sulle api urbane.", to: [new("Sara Galli", "sara.galli@airone.example")])).Expect("wrong-outlet", "Focus"),
        new RuleCase("it", "stampa unione con il nome sbagliato", Message("Gentile Dott.ssa Ferri,\nLe scrivo per proporLe una collaborazione.", to: [new("Laura Conti", "laura.conti@studioconti.example")])).Expect("wrong-name", "Ferri"),
            new RuleCase("en", "a fit for the team at another company", Message("Hi Dana,\nI think our kits would be a great fit for the team at Brookfield Primary.", to: [new("Dana Kim", "dana.kim@elmwood-school.example")])).Expect("wrong-outlet", "Brookfield Primary"),
        new RuleCase("en", "photos for another venue's website", Message("Hi Sam,\nI'd love to shoot a new set of photos for Riverside Barn's website.", to: [new("Sam Ortiz", "sam@millhouse-venue.example")])).Expect("wrong-outlet", "Riverside Barn"),
        new RuleCase("en", "a second greeted name that is nobody here", Message("Hi Priya and Luke,\nCould we compare notes on the pilot?", to: [new("Priya Nair", "priya@loopworks.example"), new("Mark Bell", "mark@loopworks.example")])).Expect("wrong-name", "Luke"),
        new RuleCase("en", "pitched for an outlet to journalists in Bcc", Message("Hi there,\nThis would be perfect for your readers at The Daily Courier.", to: [Ann], bcc: [new("Rob Lane", "rob.lane@northern-times.example")])).Expect("wrong-outlet", "The Daily Courier"),
        new RuleCase("it", "perfetto per il catalogo di un altro editore", Message("Buongiorno Tiziana,\npenso che sarebbe un titolo perfetto per il catalogo di Edizioni Rondine.", to: [new("Tiziana Ferri", "t.ferri@edizionilibellula.example")])).Expect("wrong-outlet", "Edizioni Rondine"),
        new RuleCase("it", "per le lettrici di una testata tra virgolette", Message("Ciao Marta,\nla crema è perfetta per le lettrici di «Casa Viva».", to: [new("Marta Riva", "marta.riva@benesseremese.example")])).Expect("wrong-outlet", "Casa Viva"),
        new RuleCase("it", "il team di un'altra azienda", Message("Spett.le Ditta,\nsono certa di poter dare un contributo al team di Vetreria Alpina.", to: [new(null, "personale@ottica-dolomiti.example")])).Expect("wrong-outlet", "Vetreria Alpina"),
        new RuleCase("it", "perfetta per un'altra pasticceria", Message("Ciao Giulia,\nla nostra app sarebbe perfetta per la Trattoria Verdi.", to: [Giulia])).Expect("wrong-outlet", "Trattoria Verdi"),
        new RuleCase("it", "per le pagine di un'altra testata", Message("Ciao Giulia,\nsarebbe un servizio adatto alle pagine di Cucina Moderna.", to: [Giulia])).Expect("wrong-outlet", "Cucina Moderna"),
        new RuleCase("en", "a second name after '&' that is nobody here", Message("Hi Priya & Luke,\nCould we compare notes on the pilot?", to: [new("Priya Nair", "priya@loopworks.example"), new("Mark Bell", "mark@loopworks.example")])).Expect("wrong-name", "Luke"),
    }.Select(c => c.AsRow());

    public static IEnumerable<object[]> MustNotFire => new RuleCase[]
    {
        new RuleCase("en", "right outlet", Message("Hi Jane,\nI have a story idea that would be perfect for SHAPE.")),
        new RuleCase("en", "right name", Message("Dear Jane,\nI loved your piece on sleep.")),
        new RuleCase("en", "surname greeting", Message("Dear Ms. Doe,\nI loved your piece on sleep.")),
        new RuleCase("en", "perfect for you", Message("Hi Jane,\nThis would be perfect for you and your team.")),
        new RuleCase("en", "an opening word on its own line is not a name", Message("Thanks,\nthe slides are attached.")),
        new RuleCase("en", "congratulations on its own line", Message("Congratulations!\nYour book is out.")),
        new RuleCase("en", "webmail recipient: outlet cannot be checked", Message("Hi Jane,\nThis would be perfect for Self.", to: [new("Jane Doe", "jane.doe@gmail.com")])),
        new RuleCase("it", "testata giusta", Message("Ciao Jane,\nho un'idea perfetta per Shape.")),
        new RuleCase("en", "praises the column where her work ran, from webmail", Message("Hi Jane,\nYour column in The Guardian last week about tenant rights stayed with me. Would you be open to a short call?", to: [new("Jane Doe", "jane.doe@gmail.example")])),
        new RuleCase("en", "names the outlet of her piece, at her own domain", Message("Hi Jane,\nI loved your piece in Wired on battery recycling. Could I ask you one question about it?", to: [new("Jane Doe", "jane@janedoe.example")])),
        new RuleCase("it", "cita il giornale del suo pezzo", Message("Gentile Dott. Rossi,\nho letto il suo pezzo sul Corriere di domenica e vorrei chiederLe un parere.", to: [new("Mario Rossi", "m.rossi@libero.example")])),
        new RuleCase("it", "titolo e cognome della destinataria", Message("Gentile Signora Ferri,\nLe scrivo per il bando di febbraio.", to: [new("Laura Ferri", "laura.ferri@comune-esempio.example")])),
        new RuleCase("en", "a French greeting is not read as a name", Message("Chère Madame,\nJe me permets de vous écrire au sujet de votre dernier livre, que j'ai beaucoup aimé.", to: [new("Claire Dubois", "claire.dubois@editions.example")])),
        new RuleCase("en", "pitch for Self to a webmail writer", Message("Hi Jane,\nThis would be perfect for Self.", to: [new("Jane Doe", "jane.doe@gmail.example")])),
        new RuleCase("it", "nome giusto", Message("Ciao Marco,\nho visto il tuo progetto.", to: [Marco])),
        new RuleCase("it", "grazie da solo non è un nome", Message("Grazie!\nHo ricevuto le foto.", to: [Marco])),
            new RuleCase("en", "Tom for Thomas", Message("Hi Tom,\nCould we have a quick chat next week?", to: [new("Thomas Reed", "thomas.reed@peakgear.example")])),
        new RuleCase("it", "Beppe per Giuseppe", Message("Ciao Beppe,\nti va un caffè giovedì?", to: [new("Giuseppe Verdi", "giuseppe.verdi@cantieri.example")])),
        new RuleCase("en", "both greeted names are recipients", Message("Hi Priya and Mark,\nCould we compare notes on the pilot?", to: [new("Priya Nair", "priya@loopworks.example"), new("Mark Bell", "mark@loopworks.example")])),
        new RuleCase("it", "'Sua' maiuscolo non è una testata", Message("Gentile Prof.ssa Amato,\nero tra il pubblico della Sua lezione su Sciascia a Mantova.", to: [new("Rosaria Amato", "rosaria.amato@unipa.example")])),
        new RuleCase("en", "a fit for the team at her own company", Message("Hi Dana,\nI think our kits would be a great fit for the team at Elmwood School.", to: [new("Dana Kim", "dana.kim@elmwood-school.example")])),
        new RuleCase("en", "a placeholder greeting is no one's wrong name", Message("Dear [Professor Name],\nI read your paper on soil carbon.", to: [new("Rachel Kim", "r.kim@soils.example")])),
        new RuleCase("en", "a title before the second name", Message("Dear Dr Patel and Prof. Holm,\nCould I quote you both?", to: [new("Raj Patel", "r.patel@energy.example"), new("Ingrid Holm", "i.holm@climate.example")])),
        new RuleCase("it", "la collana è chiamata sua altrove", Message("Gentile Dott. Fabbri,\nho letto l'ultimo titolo della vostra collana «Boreale». Ho due romanzi che sarebbero perfetti per «Boreale».", to: [new("Edoardo Fabbri", "e.fabbri@edizionipervinca.example")])),
        new RuleCase("en", "the outlet's name says more than its domain", Message("Hi Kate,\nThe lamp would be perfect for your readers at Coast & Country Weekly.", to: [new("Kate Lin", "kate.lin@coastcountry-mag.example")])),
        new RuleCase("it", "un ruolo nel saluto non è un nome", Message("Gentile Responsabile dell'Ufficio Acquisti,\nle invio il nostro catalogo.", to: [new("Monica Scalise", "m.scalise@calabriaweb.example")])),
    }.Select(c => c.AsRow());

    [TestMethod]
    public void Wrong_name_fix_uses_the_recipients_name()
    {
        MessageInput message = Message("Dear Sarah,\nI loved your piece.");
        TextFix fix = Evaluate(new RuleCase("en", "x", message)).Findings.Single().Fix!;
        Assert.AreEqual("Dear Jane,", message.Body.Remove(fix.Start, fix.Length).Insert(fix.Start, fix.Replacement)[..10]);
    }

    [TestMethod]
    public void Outlet_evidence_is_the_outlet_name()
    {
        Finding finding = Evaluate(new RuleCase("en", "x", Message("This would be perfect for Self."))).Findings.Single();
        Assert.AreEqual("Self", finding.Evidence.Single().Text);
    }

    [TestMethod]
    public void Recipient_without_any_name_cannot_be_compared()
    {
        Outcome outcome = Evaluate(new RuleCase("en", "x", Message("Dear Sarah,\nhello", to: [new(null, "info@shape.example")])));
        Assert.IsEmpty(outcome.Findings);
    }

    [TestMethod]
    public void Language_service_organisation_named_as_the_readers_outlet_fires()
    {
        const string body = "Hi Jane,\nI think the story would work well for Vogue and your column there.";
        MessageInput message = Message(body);
        Assert.IsEmpty(Evaluate(new RuleCase("en", "without", message)).Findings);
        Outcome outcome = Evaluate(new RuleCase("en", "with", message, WithSignals(message, Signals(body, entities: [("Vogue", "Organization")]))));
        Assert.AreEqual("Vogue", outcome.Findings.Single().Evidence.Single().Text);
    }

    [TestMethod]
    public void Language_service_organisation_matching_the_recipient_stays_quiet()
    {
        const string body = "Hi Jane,\nI think the story would work well for SHAPE and your column there.";
        MessageInput message = Message(body);
        Assert.IsEmpty(Evaluate(new RuleCase("en", "with", message, WithSignals(message, Signals(body, entities: [("SHAPE", "Organization")])))).Findings);
    }
}

using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Text;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Detection;

/// <summary>The learned detectors as the text view uses them: loaded once, honest evidence, lexicon hits kept.</summary>
[TestClass]
public sealed class DetectionTests
{
    private static TextView View(string body, SentenceDetectors? detectors = null) =>
        TextView.Create(Message(body), PlainText.Of(Message(body)), null, detectors ?? SentenceDetectors.Default);

    private static string[] Quotes(TextView view, IReadOnlyList<TextSpan> spans) => spans.Select(s => view[s]).ToArray();

    [TestMethod]
    public void The_committed_models_load_for_english_and_italian_with_every_detector_on()
    {
        foreach (string language in new[] { "en", "it" })
        {
            SentenceModel model = SentenceDetectors.Default.For(language)!;
            Assert.IsNotNull(model, language);
            foreach (SentenceLabel label in Enum.GetValues<SentenceLabel>())
                Assert.IsTrue(model.IsEnabled(label), $"{language} {label} ships (docs/quality.md)");
        }
        Assert.IsNull(SentenceDetectors.LexiconOnly.For("en"));
    }

    [TestMethod]
    [DataRow("Hi Marta,\n\nOpen to a 15-minute call on Tuesday to walk through the onboarding flow?\n\nThanks,\nDev", "Open to a 15-minute call on Tuesday to walk through the onboarding flow?")]
    [DataRow("Hello Sam,\n\nI read the report on rural broadband. Any chance you could spare half an hour next month to tell me how you gathered the survey data?\n\nBest,\nLi", "Any chance you could spare half an hour next month to tell me how you gathered the survey data?")]
    [DataRow("Ciao Paolo,\n\nsto preparando la tesi sui distretti tessili. Ti andrebbe di darmi un riscontro sul questionario?\n\nGrazie,\nIrene", "Ti andrebbe di darmi un riscontro sul questionario?")]
    public void Asks_the_phrase_lists_miss_are_found_and_quoted_as_the_clause_that_asks(string body, string expected)
    {
        TextView view = View(body);
        Assert.IsTrue(view.MakesAsk);
        CollectionAssert.Contains(Quotes(view, view.Asks), expected);
    }

    [TestMethod]
    [DataRow("Hi Jo,\n\nThanks so much for yesterday, the workshop was brilliant and the team loved it.\n\nSee you soon,\nAmy")]
    [DataRow("Ciao Giulia,\n\ngrazie ancora per la bella serata di ieri, è stato un piacere rivederti.\n\nA presto,\nMarco")]
    [DataRow("Hi Colin,\n\nThank you for your keynote on Thursday; it started a long argument in our lab.\n\nWith best wishes,\nRebecca\n\nDr Rebecca Fyfe\nSenior Lecturer, Dept. of Design, Operations & Supply Chain Management\nUniversity of Glenmoor")]
    [DataRow("Hi Jo,\n\nThank you for registering for the open day. Our team will review your details and confirm your place shortly.\n\nKind regards,\nThe Admissions Team")]
    [DataRow("Ciao Jo,\n\nbenvenuta nel nostro circolo! Non vediamo l'ora di vederti in sala giovedì.\n\nUn caro saluto,\nLo staff del Circolo Scacchi")]
    public void A_thank_you_note_makes_no_ask(string body) =>
        Assert.IsFalse(View(body).MakesAsk, string.Join(" | ", Quotes(View(body), View(body).Asks)));

    [TestMethod]
    [DataRow("Hi Jo,\n\nLovely to meet you at the fair.\n\nBest,\nAmy\n\nP.S. Could you send me the name of your supplier?", "Could you send me the name of your supplier?")]
    [DataRow("Ciao Jo,\n\nè stato bello conoscerti alla fiera.\n\nA presto,\nAmy\n\nP.S. Mi mandi il nome del tuo fornitore?", "Mi mandi il nome del tuo fornitore?")]
    public void A_postscript_after_the_signature_is_read_again(string body, string expected)
    {
        TextView view = View(body);
        Assert.IsTrue(view.MakesAsk);
        Assert.IsTrue(Quotes(view, view.Asks).Any(q => expected.Contains(q, StringComparison.Ordinal) || q.Contains(expected, StringComparison.Ordinal)), string.Join(" | ", Quotes(view, view.Asks)));
    }

    [TestMethod]
    public void A_lexicon_hit_stays_evidence_and_is_quoted_as_its_whole_clause()
    {
        const string body = "Hi Jane,\n\nI loved the episode on sourdough, and could you review my draft before Friday? It is short.\n\nBest,\nAnn";
        foreach (SentenceDetectors detectors in new[] { SentenceDetectors.LexiconOnly, SentenceDetectors.Default })
        {
            TextView view = View(body, detectors);
            Assert.AreEqual("and could you review my draft before Friday?", view[view.Asks[0]], detectors.Name);
        }
    }

    [TestMethod]
    [DataRow("Hi Jane,\n\nI would be so grateful if you could find the time, given how busy the spring conference season must be for your whole team and for everyone else working on the programme this year and the next one too, to look over the short proposal I attached about community gardens and their effect on loneliness in older residents of small towns.\n\nAnn")]
    [DataRow("Ciao Jane,\n\nmi chiedevo se avessi tempo per un confronto veloce sul progetto, magari giovedì pomeriggio dopo le quattro, oppure venerdì mattina presto prima delle riunioni del consiglio che so che ti tengono occupata tutta la giornata e anche il resto della settimana.\n\nAnn")]
    public void Evidence_never_starts_or_ends_inside_a_word_and_stays_bounded(string body)
    {
        TextView view = View(body);
        Assert.IsNotEmpty(view.Asks);
        foreach (TextSpan span in view.Asks.Concat(view.Offers).Concat(view.References).Concat(view.PrivateDetails))
        {
            Assert.IsLessThanOrEqualTo(Clauses.MaxEvidence, span.Length);
            Assert.IsFalse(span.Start > 0 && char.IsLetterOrDigit(body[span.Start - 1]) && char.IsLetterOrDigit(body[span.Start]), view[span]);
            Assert.IsFalse(span.End < body.Length && char.IsLetterOrDigit(body[span.End - 1]) && char.IsLetterOrDigit(body[span.End]), view[span]);
        }
    }

    [TestMethod]
    [DataRow("Hi Jane,\n\nI already have your home address from the school directory, so I could drop the samples round on Saturday.\n\nAnn", "en")]
    [DataRow("Ciao Jane,\n\nho trovato il numero di cellulare di tua moglie, se preferisci ti chiamo lì stasera.\n\nAnn", "it")]
    public void Private_details_are_a_signal_of_their_own(string body, string language)
    {
        TextView view = View(body);
        Assert.AreEqual(language, view.Language);
        Assert.IsNotEmpty(view.PrivateDetails);
        Assert.IsEmpty(View(body, SentenceDetectors.LexiconOnly).PrivateDetails, "no model, no private-details sentences");
    }

    [TestMethod]
    public void Offers_and_references_in_words_no_list_has_are_found()
    {
        TextView english = View("Hi Priya,\n\nThe dataset your lab released last spring changed how we sample. Glad to return the favour with a review of your next paper. Could we talk for ten minutes?\n\nTom");
        Assert.IsNotEmpty(english.References);
        Assert.IsNotEmpty(english.Offers);
        TextView italian = View("Buongiorno Dott. Galli,\n\nho visitato il vostro nuovo stabilimento di Brescia durante l'open day. Se le serve, le presento il nostro distributore in Veneto. Avrebbe dieci minuti giovedì?\n\nAnna");
        Assert.IsNotEmpty(italian.References);
        Assert.IsNotEmpty(italian.Offers);
    }

    [TestMethod]
    public void Scoring_is_thread_safe_and_deterministic()
    {
        SentenceModel model = SentenceDetectors.Default.For("en")!;
        const string text = "Would love your take on the draft if you can spare a minute.";
        float expected = model.Score(text, SentenceLabel.Ask);
        float[] results = new float[64];
        Parallel.For(0, results.Length, i => results[i] = model.Score(text, SentenceLabel.Ask));
        Assert.IsTrue(results.All(r => r == expected));
        Assert.IsGreaterThan(0.5f, expected);
    }

    [TestMethod]
    public void A_saved_model_loads_back_identical()
    {
        SentenceModel model = SentenceDetectors.Default.For("it")!;
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = SentenceModel.Load(stream);
        Assert.AreEqual(model.Language, loaded.Language);
        Assert.AreEqual(model.Options, loaded.Options);
        Assert.AreEqual(model.Threshold(SentenceLabel.Offer), loaded.Threshold(SentenceLabel.Offer));
        Assert.AreEqual(model.Score("Posso mandarti i dati grezzi del sondaggio.", SentenceLabel.Offer), loaded.Score("Posso mandarti i dati grezzi del sondaggio.", SentenceLabel.Offer));
        Assert.ThrowsExactly<InvalidDataException>(() => SentenceModel.Load(new MemoryStream("not a model"u8.ToArray())));
    }
}

using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests;

[TestClass]
public sealed class TextViewTests
{
    [TestMethod]
    public void Html_becomes_plain_text_with_blocks_entities_and_links()
    {
        const string html = "<html><head><style>p{color:red}</style><title>x</title></head><body>" +
                            "<p>Dear&nbsp;Jane,</p><div>I read <a href=\"https://shape.example/a\">your piece</a> &amp; loved it.</div>" +
                            "<script>alert('no')</script><ul><li>one</li><li>two</li></ul>line<br>break</body></html>";
        Assert.AreEqual("Dear Jane,\nI read your piece <https://shape.example/a> & loved it.\none\ntwo\nline\nbreak", HtmlText.ToPlainText(html));
    }

    [TestMethod]
    public void Html_conversion_is_deterministic_and_collapses_white_space()
    {
        const string html = "<p>  Hello \n\n   world  </p>\n<p>again</p>";
        Assert.AreEqual(HtmlText.ToPlainText(html), HtmlText.ToPlainText(html));
        Assert.AreEqual("Hello world\nagain", HtmlText.ToPlainText(html));
    }

    [TestMethod]
    public void Html_blockquotes_are_marked_as_quoted_history()
    {
        var view = TextView.Create(Message("<p>Thanks Jane!</p><blockquote><p>Could you review my CV?</p></blockquote>", format: BodyFormat.Html));
        Assert.AreEqual("Thanks Jane!\n> Could you review my CV?", view.Text);
        Assert.AreEqual("Thanks Jane!\n".Length, view.NewTextLength);
        Assert.IsFalse(view.MakesAsk, "an ask in quoted history is not this message's ask");
    }

    [TestMethod]
    [DataRow("Thanks!\n\nOn Mon, 4 May 2026 at 09:12, Jane Doe <jane@shape.example> wrote:\n> Could you help?")]
    [DataRow("Grazie!\n\nIl giorno lun 4 mag 2026 alle 09:12 Jane Doe <jane@shape.example> ha scritto:\n> Potresti aiutarmi?")]
    [DataRow("Thanks!\n\nFrom: Jane Doe <jane@shape.example>\nSent: Monday, May 4, 2026 9:12 AM\nCould you help?")]
    [DataRow("Thanks!\n\n-----Original Message-----\nCould you help?")]
    public void Quoted_history_is_left_out_of_the_new_text(string body)
    {
        var view = TextView.Create(Message(body));
        Assert.IsTrue(view.Text[..view.NewTextLength].TrimEnd().EndsWith('!'), view.Text[..view.NewTextLength]);
    }

    [TestMethod]
    [DataRow("Hi Jane, I loved your talk yesterday and I would like to ask you something about the slides you showed.", "en")]
    [DataRow("Ciao Jane, mi è piaciuto molto il tuo intervento di ieri e vorrei chiederti una cosa sulle slide che hai mostrato.", "it")]
    [DataRow("Bonjour Jane, je voudrais vous demander un conseil pour mon projet et je vous remercie pour votre temps.", "fr")]
    [DataRow("Hallo Jane, ich habe eine Frage zu Ihrem Vortrag und ich danke Ihnen für die Zeit, die Sie sich nehmen.", "de")]
    [DataRow("ok", "und")]
    public void Language_is_detected_or_honestly_undetermined(string text, string expected) =>
        Assert.AreEqual(expected, LanguageDetector.Detect(text));

    [TestMethod]
    public void Unchecked_languages_have_no_lexicon_and_no_asks()
    {
        var view = TextView.Create(Message("Bonjour Jane, je voudrais vous demander un conseil pour mon projet et je vous remercie pour votre temps."));
        Assert.AreEqual("fr", view.Language);
        Assert.IsFalse(view.IsChecked);
        Assert.IsFalse(view.MakesAsk);
    }

    [TestMethod]
    [DataRow("Dear Dr. Jane Doe,\nhello", GreetingKind.Named, "Jane Doe")]
    [DataRow("Gentile dott.ssa Rossi,\nbuongiorno", GreetingKind.Named, "Rossi")]
    [DataRow("Hi Jane I read your post", GreetingKind.Named, "Jane")]
    [DataRow("Dear _ __,\nhello", GreetingKind.Placeholder, "")]
    [DataRow("Hi {{first_name}},\nhello", GreetingKind.Placeholder, "")]
    [DataRow("Dear Sir or Madam,\nhello", GreetingKind.Impersonal, "")]
    [DataRow("Hello,\nI am writing", GreetingKind.Impersonal, "")]
    [DataRow("Jane,\nthe slides", GreetingKind.Named, "Jane")]
    [DataRow("Chère Madame,\nje vous écris", GreetingKind.Impersonal, "")]
    [DataRow("Cher Monsieur Martin,\nje vous écris", GreetingKind.Named, "Martin")]
    [DataRow("Bonjour Claire,\nje vous écris", GreetingKind.Named, "Claire")]
    [DataRow("Madame, Monsieur,\nje vous écris", GreetingKind.Impersonal, "")]
    [DataRow("Sehr geehrte Frau Dr. Weber,\nich schreibe", GreetingKind.Named, "Weber")]
    [DataRow("Sehr geehrter Herr,\nich schreibe", GreetingKind.Impersonal, "")]
    [DataRow("Estimada Sra. López,\nle escribo", GreetingKind.Named, "López")]
    [DataRow("Prezada Senhora,\nescrevo", GreetingKind.Impersonal, "")]
    [DataRow("Geachte heer Jansen,\nik schrijf", GreetingKind.Named, "Jansen")]
    [DataRow("Stimată doamnă,\nvă scriu", GreetingKind.Impersonal, "")]
    [DataRow("Dear Don,\nhello", GreetingKind.Named, "Don")]
    public void Greetings_are_classified(string body, GreetingKind kind, string name)
    {
        Greeting greeting = Greeting.Find(body, body.Length)!;
        Assert.AreEqual(kind, greeting.Kind);
        Assert.AreEqual(name, greeting.Name);
    }

    [TestMethod]
    public void Typographic_apostrophes_match_like_straight_ones()
    {
        Assert.IsTrue(TextView.Create(Message("Hi Jane,\nI’d love to pick your brain.")).MakesAsk);
        Assert.IsTrue(TextView.Create(Message("Hi Jane,\nI'd love to pick your brain.")).MakesAsk);
    }
}

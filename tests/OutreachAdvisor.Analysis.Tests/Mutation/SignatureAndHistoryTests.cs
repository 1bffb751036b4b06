using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// Where the signature starts (its lines ask and offer nothing) and where quoted history starts (only the new
/// text is judged): the shapes each accepts, and the limits that keep a message's own lines out of either.
/// </summary>
[TestClass]
public sealed class SignatureAndHistoryTests
{
    private static (int Start, int End) Signature(string text, string language = "en") =>
        Text.Signature.Find(text, Lexicon.Supported[language].SignOff);

    private const string Body = "Hi Jane,\nCould you look at my CV?\n\n";

    [TestMethod]
    public void The_signature_starts_at_the_sign_off_and_runs_to_the_end()
    {
        string text = Body + "Kind regards,\nAnn Lee\nHead of Research\n\nAcme Ltd\n+44 20 7946 0000";
        Assert.AreEqual((Body.Length, text.Length), Signature(text));
        string italian = "Ciao Marco,\nPotresti darmi un consiglio?\n\nCordiali saluti,\nAnna\n";
        Assert.AreEqual(italian.IndexOf("Cordiali", StringComparison.Ordinal), Signature(italian, "it").Start);
    }

    [TestMethod]
    public void A_sign_off_on_the_first_line_or_none_at_all_is_no_signature()
    {
        const string first = "Thanks,\nAnn";
        Assert.AreEqual((first.Length, first.Length), Signature(first));
        const string none = "Hi Jane,\nCould you look at my CV?";
        Assert.AreEqual((none.Length, none.Length), Signature(none));
    }

    [TestMethod]
    public void Ten_lines_after_the_sign_off_are_a_signature_and_eleven_are_the_message()
    {
        string ten = Body + "Best,\n" + string.Join('\n', Enumerable.Range(1, Text.Signature.MaxLines).Select(i => $"Line {i}"));
        Assert.AreEqual(Body.Length, Signature(ten).Start);
        string eleven = Body + "Best,\n" + string.Join('\n', Enumerable.Range(1, Text.Signature.MaxLines + 1).Select(i => $"Line {i}"));
        Assert.AreEqual(eleven.Length, Signature(eleven).Start);
        string blanks = Body + "Best,\n" + string.Join("\n\n  \n", Enumerable.Range(1, Text.Signature.MaxLines).Select(i => $"Line {i}"));
        Assert.AreEqual(Body.Length, Signature(blanks).Start, "blank lines are not counted");
    }

    [TestMethod]
    public void A_question_or_a_long_line_after_the_sign_off_makes_it_part_of_the_message()
    {
        string question = Body + "Thanks!\nWould Tuesday work for you?\nAnn";
        Assert.AreEqual(question.Length, Signature(question).Start);
        string twelve = Body + "Best,\n" + string.Join(' ', Enumerable.Repeat("word", Text.Signature.MaxWordsPerLine));
        Assert.AreEqual(Body.Length, Signature(twelve).Start, "twelve words fit a title line");
        string thirteen = Body + "Best,\n" + string.Join(' ', Enumerable.Repeat("word", Text.Signature.MaxWordsPerLine + 1));
        Assert.AreEqual(thirteen.Length, Signature(thirteen).Start);
        string tabs = Body + "Best,\n" + string.Join('\t', Enumerable.Repeat("word", Text.Signature.MaxWordsPerLine + 1));
        Assert.AreEqual(tabs.Length, Signature(tabs).Start, "tabs separate words too");
    }

    [TestMethod]
    public void The_last_sign_off_that_is_followed_by_a_signature_counts()
    {
        string text = "Hi Jane,\nThanks!\nI loved your talk on river towns and the ferries that shaped them.\nCould you look at my CV?\n\nBest,\nAnn";
        Assert.AreEqual(text.IndexOf("Best,", StringComparison.Ordinal), Signature(text).Start);
    }

    [TestMethod]
    [DataRow("P.S. could you also send the slides?")]
    [DataRow("PS: could you also send the slides?")]
    [DataRow("p.s. could you also send the slides?")]
    [DataRow("P.P.S. could you also send the slides?")]
    [DataRow("  PPS could you also send the slides?")]
    public void A_postscript_ends_the_signature(string postscript)
    {
        string text = Body + "Best,\nAnn Lee\n\n" + postscript;
        (int start, int end) = Signature(text);
        Assert.AreEqual(Body.Length, start);
        Assert.AreEqual(text.IndexOf(postscript, StringComparison.Ordinal), end, "the postscript's line, from its first character");
    }

    [TestMethod]
    public void Psychology_is_no_postscript()
    {
        string text = Body + "Best,\nAnn Lee\nPsychology department";
        Assert.AreEqual((Body.Length, text.Length), Signature(text));
    }

    [TestMethod]
    [DataRow("Thanks!\n\nOn Mon, 2 Nov 2026, Jane Doe <jane@shape.example> wrote:\n> hello", "On Mon")]
    [DataRow("Grazie!\n\nIl giorno lun 2 nov 2026 alle 10:00 Jane ha scritto:\n> ciao", "Il giorno")]
    [DataRow("See below.\n-----Original Message-----\nFrom: Jane", "-----Original")]
    [DataRow("See below.\n---------- Forwarded message ---------\nFrom: Jane", "----------")]
    [DataRow("Vedi sotto.\n-- Messaggio originale --\nDa: Jane", "-- Messaggio")]
    [DataRow("Vedi sotto.\n--- Messaggio inoltrato ---", "--- Messaggio")]
    [DataRow("See below.\nFrom: Jane Doe\nSent: Monday, 2 November 2026 10:00\nTo: Ann", "From:")]
    [DataRow("See below.\r\nFrom: Jane Doe\r\nDate: Monday\r\n", "From:")]
    [DataRow("Vedi sotto.\nDa: Jane Doe\nInviato: lunedì\n", "Da:")]
    [DataRow("Vedi sotto.\nDa: Jane Doe\nData: lunedì\n", "Da:")]
    [DataRow("See below.\n__________\nFrom: Jane", "__________")]
    [DataRow("Thanks!\n> an old line", "> an old")]
    public void Quoted_history_starts_at_its_header_line(string text, string header) =>
        Assert.AreEqual(text.IndexOf(header, StringComparison.Ordinal), QuotedHistory.NewTextLength(text));

    [TestMethod]
    [DataRow("> a quote the message starts with\nand my answer", "a quote on the first line is the message itself")]
    [DataRow("On Monday we wrote: a plan for the week.", "\"wrote:\" must end the line")]
    [DataRow("Hi,\nOn x wrote:", "a date needs three characters or more")]
    [DataRow("Hi,\nI wrote: nothing", "")]
    [DataRow("Hi,\nFrom: Jane Doe\nTo: Ann", "a From line needs a Sent or Date line after it")]
    [DataRow("Hi,\n_________\nnine underscores", "ten underscores or more")]
    [DataRow("Hi,\n-- Ann", "a signature separator is no history")]
    public void Lines_that_only_look_like_history_are_new_text(string text, string why) =>
        Assert.AreEqual(text.Length, QuotedHistory.NewTextLength(text), why);
}

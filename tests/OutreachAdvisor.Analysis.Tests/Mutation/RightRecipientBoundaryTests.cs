using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The edges of right-recipient's outlet and name matching that its case lists leave open: the shortest
/// labels and names each kind of match accepts, which recipients and organisation domains count, when a
/// language-service organisation is a pitch, and how the reader's own outlet is recognised.
/// </summary>
[TestClass]
public sealed class RightRecipientBoundaryTests
{
    private const string Rule = "right-recipient";
    private static readonly EmailAddress Bob = new("Bob Grant", "bob@grant.example");

    private static AnalysisResult Analyze(MessageInput message, AnalysisContext? context = null) =>
        OutreachAnalyzer.Default.Analyze(message, context ?? AnalysisContext.FromMessageOnly(message));

    private static Finding[] Findings(AnalysisResult result) => result.Findings.Where(f => f.Rule == Rule).ToArray();

    private static MessageInput Pitch(string outlet, params EmailAddress[] to) =>
        Message($"Hi Dana,\nI have a story idea that would be perfect for {outlet}. Could we talk?", to: to);

    private static EmailAddress Dana(string domain) => new("Dana Kim", "dana@" + domain);

    [TestMethod]
    [DataRow("The FT", "ft.example", DisplayName = "a two-letter label equal to the name without its article")]
    [DataRow("Time", "timemagazine.example", DisplayName = "a four-letter name inside the label")]
    [DataRow("Elle Decoration", "elle.example", DisplayName = "a four-letter label inside the name")]
    [DataRow("Homes Monthly", "homesmag.example", DisplayName = "five significant letters (filler words dropped) inside the label")]
    public void The_shortest_matches_of_each_kind_are_the_recipients_own(string outlet, string domain) =>
        Assert.IsEmpty(Findings(Analyze(Pitch(outlet, Dana(domain)))), outlet);

    [TestMethod]
    public void Three_letters_are_too_few_to_be_inside_a_label() =>
        Assert.HasCount(1, Findings(Analyze(Pitch("Tim", Dana("timemagazine.example")))));

    [TestMethod]
    public void An_outlet_of_one_of_several_recipients_is_not_the_wrong_one()
    {
        Assert.IsEmpty(Findings(Analyze(Pitch("SHAPE", Dana("shape.example"), Bob))));
    }

    [TestMethod]
    public void An_outlet_of_one_of_the_senders_organisation_domains_is_not_the_wrong_one()
    {
        MessageInput message = Pitch("Lee", Dana("shape.example"));
        AnalysisContext context = Mailbox(message, organization: ["annlee-press.example", "lee.example"]);

        Assert.IsEmpty(Findings(Analyze(message, context)));
    }

    [TestMethod]
    public void Greeting_someone_in_Cc_by_name_is_greeting_a_recipient()
    {
        MessageInput message = Message("Hi Marco,\nThanks for the notes.", to: [Jane], cc: [Marco]);

        Assert.IsEmpty(Findings(Analyze(message)));
    }

    [TestMethod]
    [DataRow("en", "Hi Jane,\nI wrote a feature for Gadget Weekly last spring.", DisplayName = "after 'for' in a sentence not addressed to the reader")]
    [DataRow("en", "Hi Jane,\nYour readers loved what Gadget Weekly ran on batteries.", DisplayName = "addressed to the reader but not after 'for'")]
    public void A_language_service_organisation_is_a_pitch_only_after_for_in_a_sentence_to_the_reader(string language, string body)
    {
        MessageInput message = Message(body);
        AnalysisResult result = Analyze(message, WithSignals(message, Signals(body, entities: [("Gadget Weekly", "Organization")])));

        Assert.IsEmpty(Findings(result), body);
    }

    [TestMethod]
    [DataRow("Hi Jane,\nI think you would like this story for Gadget Weekly.")]
    [DataRow("Ciao Jane,\npenso che questa storia ti piacerebbe per Gadget Weekly.")]
    public void A_language_service_organisation_after_for_or_per_in_a_sentence_to_the_reader_is_a_pitch(string body)
    {
        MessageInput message = Message(body);
        AnalysisResult result = Analyze(message, WithSignals(message, Signals(body, entities: [("Gadget Weekly", "Organization")])));

        Assert.AreEqual("Gadget Weekly", Findings(result).Single().Evidence.Single().Text);
    }

    [TestMethod]
    public void The_readers_own_outlet_is_recognised_whatever_the_case_of_your()
    {
        MessageInput message = Message("Hi Dana,\nYour magazine, Coastline, ran the best piece on tides. This story would be perfect for Coastline.", to: [Dana("shape.example")]);

        Assert.IsEmpty(Findings(Analyze(message)));
    }

    [TestMethod]
    public void The_readers_own_outlet_is_a_whole_name_not_a_prefix_of_it()
    {
        MessageInput message = Message("Hi Dana,\nyour magazine Coastline ran the best piece on tides. This story would be perfect for Coast.", to: [Dana("shape.example")]);

        Assert.AreEqual("Coast", Findings(Analyze(message)).Single().Evidence.Single().Text);
    }
}

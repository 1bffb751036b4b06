using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Rules;
using OutreachAdvisor.Analysis.Text;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>What every rule reads through <see cref="RuleInput"/>: the language service's entities of the new text only, and the read-text flag a cut text relies on.</summary>
[TestClass]
public sealed class RuleInputTests
{
    private static RuleInput Input(MessageInput message, AnalysisContext context)
    {
        var text = TextView.Create(message);
        return new RuleInput { Message = message, Text = text, Context = context, Metrics = TextMetrics.Measure(text.NewText, message.Subject, text.Language) };
    }

    [TestMethod]
    public void Entities_and_personal_data_count_up_to_the_last_character_of_the_new_text()
    {
        const string body = "Hi Jane,\nI loved the talk you gave at Acme Corp";
        MessageInput message = Message(body);
        LanguageSignals signals = Signals(body, entities: [("Acme Corp", "Organization")], pii: [("Acme Corp", "Organization")]);
        RuleInput input = Input(message, WithSignals(message, signals));
        Assert.AreEqual(body.Length, input.Text.NewTextLength, "the entity ends where the new text does");

        CollectionAssert.AreEqual(new[] { "Acme Corp" }, input.Entities("organization").Select(e => e.Text).ToArray());
        CollectionAssert.AreEqual(new[] { "Acme Corp" }, input.PiiEntities("Organization").Select(e => e.Text).ToArray());
        Assert.IsFalse(input.Entities("Person").Any());
    }

    [TestMethod]
    public void Entities_and_personal_data_of_the_quoted_history_are_not_the_new_texts()
    {
        const string body = "Hi Jane,\nThanks for the notes.\n\nOn Mon, 3 Nov 2026, Jane Doe <jane@shape.example> wrote:\n> Write to Zeta Labs";
        MessageInput message = Message(body);
        RuleInput probe = Input(message, AnalysisContext.FromMessageOnly(message));
        int quoteStart = probe.Text.NewTextLength;
        // An entity that starts where the history starts, and one a few characters into it.
        string attribution = body[quoteStart..(quoteStart + 6)];
        LanguageSignals signals = Signals(body, entities: [(attribution, "DateTime"), ("Zeta Labs", "Organization")], pii: [(attribution, "DateTime"), ("Zeta Labs", "Organization")]);
        RuleInput input = Input(message, WithSignals(message, signals));

        Assert.IsFalse(input.Entities("DateTime", "Organization").Any(), string.Join(", ", input.Entities("DateTime", "Organization").Select(e => e.Text)));
        Assert.IsFalse(input.PiiEntities("DateTime", "Organization").Any());
    }

    [TestMethod]
    public void Reading_the_metrics_counts_as_reading_the_text()
    {
        MessageInput message = Message("Hi Jane,\nCould you review my CV?");
        RuleInput input = Input(message, AnalysisContext.FromMessageOnly(message));
        input.ReadText = false;

        _ = input.Metrics;

        Assert.IsTrue(input.ReadText);
    }

    [TestMethod]
    public void Reading_only_the_message_does_not()
    {
        MessageInput message = Message("Hi Jane,\nCould you review my CV?");
        RuleInput input = Input(message, AnalysisContext.FromMessageOnly(message));
        input.ReadText = false;

        _ = input.Message.Subject;
        _ = input.ColdRecipients.ToArray();

        Assert.IsFalse(input.ReadText);
    }
}

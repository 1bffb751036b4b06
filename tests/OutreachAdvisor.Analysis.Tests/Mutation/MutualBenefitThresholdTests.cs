using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Model;
using static OutreachAdvisor.Analysis.Tests.Build;

namespace OutreachAdvisor.Analysis.Tests.Mutation;

/// <summary>
/// The thresholds of mutual-benefit's hints, at their edges: eight first-person words and three times the
/// second-person ones, more than 200 words, reading ease below 50 (Flesch) or 40 (Gulpease) from 30 words.
/// </summary>
[TestClass]
public sealed class MutualBenefitThresholdTests
{
    private const string Rule = "mutual-benefit";
    private const string Ask = "Hi Jane,\nCould you review my portfolio? I'd be glad to return the favour by reviewing yours.";

    // Eight sentences with one "I" each (and no other first- or second-person word).
    private static readonly string[] Eight =
    [
        "I paint landscapes in the morning.", "I draw portraits at night.", "I teach a small class on weekends.", "I sell prints at the market.",
        "I write about colour.", "I keep a studio by the river.", "I love the work.", "I plan to keep at it.",
    ];

    private static AnalysisResult Analyze(MessageInput message) => OutreachAnalyzer.Default.Analyze(message, AnalysisContext.FromMessageOnly(message));

    private static Finding? Hint(AnalysisResult result, string key) => result.Findings.SingleOrDefault(f => f.MessageId == Rule + "/" + key);

    private static RuleCheck Check(AnalysisResult result) => result.Checks.Single(c => c.Rule == Rule);

    private static MessageInput About(int firstPerson, string extra = "") =>
        Message("Hi Jane,\n" + string.Join(" ", Eight.Concat(["I also bake bread."]).Take(firstPerson)) + extra);

    [TestMethod]
    public void Eight_first_person_words_make_a_self_focused_message_seven_do_not()
    {
        Finding? hint = Hint(Analyze(About(8)), "self-focused");

        Assert.IsNotNull(hint);
        Assert.AreEqual(Severity.Info, hint.Severity);
        Assert.AreEqual("The message is mostly about you: 8 words like I/me/my against 0 like you/your.", hint.Message);
        Assert.IsNull(Hint(Analyze(About(7)), "self-focused"));
    }

    [TestMethod]
    public void Self_focus_needs_three_times_as_many_first_person_words()
    {
        const string three = " Do you and your partner still run the fair yourself?";

        Finding? nine = Hint(Analyze(About(9, three)), "self-focused");
        Assert.IsNotNull(nine);
        StringAssert.Contains(nine.Message, "9 words like I/me/my against 3 like you/your");
        Assert.IsNull(Hint(Analyze(About(8, three)), "self-focused"), "8 is less than three times 3");
    }

    [TestMethod]
    public void A_cold_ask_of_201_words_is_long_one_of_200_is_not()
    {
        MessageInput At(int words)
        {
            string body = Ask;
            int have = Analyze(Message(body)).Metrics.Words;
            body += string.Concat(Enumerable.Repeat(" more", words - have));
            return Message(body);
        }

        AnalysisResult long201 = Analyze(At(201));
        AnalysisResult long200 = Analyze(At(200));

        Assert.AreEqual(201, long201.Metrics.Words);
        Assert.AreEqual(200, long200.Metrics.Words);
        Finding? hint = Hint(long201, "long-ask");
        Assert.IsNotNull(hint);
        StringAssert.StartsWith(hint.Message, "The ask runs to 201 words.");
        Assert.IsNull(Hint(long200, "long-ask"));
    }

    [TestMethod]
    public void A_long_message_without_an_ask_gets_no_ask_hints()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nThanks for the talk." + string.Concat(Enumerable.Repeat(" It was a lovely evening with old friends.", 30))));

        Assert.IsGreaterThan(200, result.Metrics.Words);
        Assert.IsNull(Hint(result, "long-ask"));
        Assert.AreEqual(CheckStatus.Passed, Check(result).Status);
        Assert.AreEqual("check/no-ask", Check(result).DetailId);
    }

    // 30 words of long, Latinate words in one sentence: Flesch far below 50.
    private const string Hard = "Hi Jane,\nWould you consider evaluating the methodological considerations underlying the epidemiological characterisation of intergenerational socioeconomic stratification, notwithstanding institutional heterogeneity? " +
                                "In return, I can share our datasets with your laboratory";

    [TestMethod]
    public void Hard_reading_is_judged_from_thirty_words()
    {
        AnalysisResult thirty = Analyze(Message(Hard + "."));
        AnalysisResult twentyNine = Analyze(Message(Hard[..Hard.LastIndexOf(' ')] + "."));

        Assert.AreEqual(30, thirty.Metrics.Words);
        Assert.AreEqual(29, twentyNine.Metrics.Words);
        Assert.IsLessThan(50, thirty.Metrics.ReadingEase!.Value);
        Assert.IsLessThan(50, twentyNine.Metrics.ReadingEase!.Value);
        Finding? hint = Hint(thirty, "hard-to-read");
        Assert.IsNotNull(hint);
        StringAssert.StartsWith(hint.Message, $"The message reads hard (flesch reading ease {Math.Round(thirty.Metrics.ReadingEase.Value)}).");
        Assert.IsNull(Hint(twentyNine, "hard-to-read"));
    }

    [TestMethod]
    public void Without_an_ask_a_hard_text_gets_no_reading_hint()
    {
        AnalysisResult result = Analyze(Message("Hi Jane,\nThe methodological considerations underlying the epidemiological characterisation of intergenerational socioeconomic stratification, notwithstanding institutional heterogeneity and longitudinal attrition, remain extraordinarily controversial among contemporary quantitative sociologists and academic demographers internationally."));

        Assert.IsGreaterThanOrEqualTo(30, result.Metrics.Words);
        Assert.IsLessThan(50, result.Metrics.ReadingEase!.Value);
        Assert.IsNull(Hint(result, "hard-to-read"));
    }

    [TestMethod]
    public void A_message_in_a_language_that_is_not_checked_is_skipped()
    {
        AnalysisResult result = Analyze(Message("Sehr geehrte Frau Doe,\nkönnten Sie bitte mein Portfolio ansehen? Ich würde mich sehr über Ihre Meinung freuen."));

        Assert.AreEqual(CheckStatus.Skipped, Check(result).Status);
        Assert.IsEmpty(result.Findings.Where(f => f.Rule == Rule));
    }

    [TestMethod]
    public void Only_the_ask_is_quoted_when_nothing_is_offered()
    {
        MessageInput message = Message("Hi Jane,\nI read your piece on sleep. Could you introduce me to your editor?");
        Finding finding = Hint(Analyze(message), "nothing-offered")!;

        Assert.AreEqual(Severity.Warning, finding.Severity);
        Assert.AreEqual("Could you introduce me to your editor?", finding.Evidence.Single().Text);
        Assert.AreEqual(message.Body.IndexOf("Could", StringComparison.Ordinal), finding.Evidence.Single().Start);
    }
}

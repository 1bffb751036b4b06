using CsCheck;
using OutreachAdvisor.Analysis;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Properties.Tests;

/// <summary>
/// The text view and the analysis over generated messages: bodies built from the phrases the rules look
/// for (greetings, merge fields, asks, offers, links, addresses, quotes) mixed with arbitrary characters -
/// control characters, lone surrogates, markup - so that both the patterns and the odd inputs are reached.
/// </summary>
[TestClass]
public sealed class TextViewProperties
{
    private const int Iterations = 400;

    private static readonly string[] Fragments =
    [
        "Dear Jane,", "Hi {{first_name}},", "Caro ___,", "Dear Sir or Madam,", "To whom it may concern,", "Gentile Signora,", "Ciao Marco!",
        "Could you review my CV?", "Would you have 15 minutes for a call?", "Potresti darmi un consiglio?", "I'd be happy to return the favour.",
        "I loved your article on colour in SHAPE.", "https://example.com/a?b=c", "www.my.example/portfolio", "jane@shape.example",
        "let's connect on LinkedIn: https://linkedin.example/in/me", "> quoted line\n> from before", "On Tue, Jane wrote:",
        "[Name]", "%%LAST_NAME%%", "{company}", "\n\n", "\r\n", " ", "\t", "Best,\nAnn", "<p>", "</div>", "&amp;", "&#x1F600;",
        "é", "ß", "İ", "\u0301", "\u200B", "\uD83D\uDE00", "\uD800", "\uDC00", "\0", "\u001B[31m", "\u2028",
    ];

    private static readonly Gen<string> Texts =
        Gen.OneOf<string>(
            Gen.String,
            Gen.Char.Array[0, 200].Select(chars => new string(chars)),
            Gen.OneOf(Fragments).Array[0, 30].Select(parts => string.Concat(parts)),
            Gen.Select(Gen.OneOf(Fragments).Array[0, 20], Gen.String[0, 20].Array[0, 20], (parts, noise) => string.Concat(parts.Zip(noise.Concat(Enumerable.Repeat("", parts.Length)), (p, n) => p + n))));

    private static readonly Gen<MessageInput> Messages =
        Gen.Select(Texts, Texts, Gen.Bool, Gen.Int[0, 3], (body, subject, html, recipients) => new MessageInput
        {
            From = new EmailAddress("Ann Lee", "ann@lee.example"),
            To = Enumerable.Range(0, recipients).Select(i => new EmailAddress(i == 0 ? "Jane Doe" : null, $"p{i}@outlet{i}.example")).ToArray(),
            Subject = subject,
            Body = body,
            BodyFormat = html ? BodyFormat.Html : BodyFormat.Text,
        });

    private static void Inside(string text, IEnumerable<TextSpan> spans, string what)
    {
        foreach (TextSpan span in spans)
        {
            if (span.Start < 0 || span.Length < 0 || span.End > text.Length)
                throw new InvalidOperationException($"{what} span {span} is outside the text of length {text.Length}");
        }
    }

    [TestMethod]
    public void Every_span_of_the_text_view_lies_inside_the_text()
    {
        Messages.Sample(message =>
        {
            var view = TextView.Create(message);
            string text = view.Text;
            if (view.NewTextLength < 0 || view.NewTextLength > text.Length)
                throw new InvalidOperationException($"new text length {view.NewTextLength} of {text.Length}");
            Inside(text, view.Asks, "ask");
            Inside(text, view.Offers, "offer");
            Inside(text, view.References, "reference");
            Inside(text, view.Quotations, "quotation");
            Inside(text, view.Links, "link");
            Inside(text, view.MergeFields, "merge field");
            if (view.Greeting is { } greeting)
                Inside(text, [greeting.Span, greeting.NameSpan], "greeting");
            foreach (TextSpan span in view.Asks.Concat(view.Links).Concat(view.MergeFields))
            {
                Evidence evidence = view.Evidence(span);
                if (evidence.Text != text.Substring(span.Start, span.Length))
                    throw new InvalidOperationException("evidence text differs from the text at its offsets");
            }
        }, iter: Iterations);
    }

    [TestMethod]
    public void Every_finding_quotes_the_plain_text_at_its_offsets_and_fixes_stay_inside_it()
    {
        Messages.Sample(message =>
        {
            AnalysisResult result = OutreachAnalyzer.Default.Analyze(message);
            string text = result.PlainText;
            foreach (Finding finding in result.Findings)
            {
                foreach (Evidence evidence in finding.Evidence)
                {
                    if (evidence.Start < 0 || evidence.Length < 0 || evidence.Start + evidence.Length > text.Length)
                        throw new InvalidOperationException($"{finding.MessageId}: evidence {evidence.Start}+{evidence.Length} outside {text.Length}");
                    if (evidence.Text != text.Substring(evidence.Start, evidence.Length))
                        throw new InvalidOperationException($"{finding.MessageId}: evidence '{evidence.Text}' is not the text at its offsets");
                }
                if (finding.Fix is { } fix && (fix.Start < 0 || fix.Length < 0 || fix.Start + fix.Length > text.Length))
                    throw new InvalidOperationException($"{finding.MessageId}: fix {fix.Start}+{fix.Length} outside {text.Length}");
            }
        }, iter: Iterations);
    }

    [TestMethod]
    public void No_string_makes_the_text_view_or_the_analysis_throw()
    {
        Gen.Select(Gen.String, Gen.String, Gen.Bool).Sample((body, subject, html) =>
        {
            var message = new MessageInput { Body = body, Subject = subject, BodyFormat = html ? BodyFormat.Html : BodyFormat.Text, To = [new EmailAddress(null, "x@y.example")] };
            _ = TextView.Create(message);
            AnalysisResult result = OutreachAnalyzer.Default.Analyze(message);
            if (result.Score is < 0 or > 100)
                throw new InvalidOperationException($"score {result.Score}");
        }, iter: Iterations);
    }

    private static readonly Gen<Finding> Findings =
        Gen.Select(Gen.OneOf("personal-greeting", "mutual-benefit", "specific-reference", "no-automation", "private-channel", "engage-before-asking", "right-recipient", "listed-address", "no-personal-details"),
            Gen.Enum<Severity>(), Gen.Int[0, 3],
            (rule, severity, recipient) => new Finding
            {
                Rule = rule,
                MessageId = rule + "/generated",
                Severity = severity,
                Title = "t",
                Message = "m",
                Suggestion = "s",
                Recipient = recipient == 0 ? null : $"p{recipient}@x.example",
            });

    [TestMethod]
    public void Adding_a_finding_never_raises_the_score()
    {
        Gen.Select(Findings.List[0, 25], Findings).Sample((findings, extra) =>
        {
            int before = Scoring.Score(findings);
            int after = Scoring.Score([.. findings, extra]);
            if (after > before)
                throw new InvalidOperationException($"score rose from {before} to {after} with a {extra.Severity} {extra.Rule} finding");
            if (after is < 0 or > Scoring.Maximum)
                throw new InvalidOperationException($"score {after} outside 0-100");
        }, iter: 2000);
    }
}

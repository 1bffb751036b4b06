using OutreachAdvisor.Analysis.Detection;
using OutreachAdvisor.Analysis.Text;
using OutreachAdvisor.Evaluation.Corpus;

namespace OutreachAdvisor.Training;

/// <summary>
/// Sentences of the labelled training messages whose label follows from the message's labels
/// (corpus/LABELLING.md, section 3): a message to a cold recipient labelled false for
/// engage-before-asking makes no ask, so none of its sentences asks; one labelled true for
/// mutual-benefit offers nothing; true for specific-reference refers to nothing; false for
/// no-personal-details mentions no private detail. These are the greetings, signatures, context
/// and thanks that real messages are made of - the negatives the sentence set has few of.
/// Only the message's new text is used (not quoted history), split as the analysis splits it.
/// </summary>
internal static class DerivedSentences
{
    public static IEnumerable<(SentenceLabel Label, string Text)> Negatives(CorpusCase message)
    {
        var known = new List<SentenceLabel>();
        bool cold = message.HasColdRecipient;
        if (cold && !message.Labels["engage-before-asking"])
            known.Add(SentenceLabel.Ask);
        if (cold && message.Labels["mutual-benefit"])
            known.Add(SentenceLabel.Offer);
        if (cold && message.Labels["specific-reference"])
            known.Add(SentenceLabel.Reference);
        if (!message.Labels["no-personal-details"])
            known.Add(SentenceLabel.Private);
        if (known.Count == 0)
            yield break;

        var view = TextView.Create(message.Message, PlainText.Of(message.Message), null, SentenceDetectors.LexiconOnly);
        string text = view.Text[..view.NewTextLength];
        foreach (TextSpan sentence in Sentences.Split(text))
        {
            string words = text.Substring(sentence.Start, sentence.Length);
            foreach (SentenceLabel label in known)
                yield return (label, words);
        }
    }
}

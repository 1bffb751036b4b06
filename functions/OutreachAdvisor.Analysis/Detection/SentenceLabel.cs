namespace OutreachAdvisor.Analysis.Detection;

/// <summary>What a sentence does, as labelled in the corpus's sentence set (corpus/LABELLING.md, sections 2 and 6).</summary>
public enum SentenceLabel
{
    /// <summary>Asks for the recipient's time, help or action.</summary>
    Ask,
    /// <summary>Offers something to the recipient in return.</summary>
    Offer,
    /// <summary>Refers specifically to the recipient's own work.</summary>
    Reference,
    /// <summary>Mentions, claims or asks for the recipient's private details.</summary>
    Private,
}

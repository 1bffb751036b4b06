namespace OutreachAdvisor.Evaluation.Corpus;

/// <summary>A case's mailbox history with one recipient (corpus/LABELLING.md, section 1).</summary>
public enum RecipientHistoryLabel
{
    /// <summary>Never exchanged mail.</summary>
    None,
    /// <summary>The sender wrote before; the recipient never answered.</summary>
    SentOnly,
    /// <summary>The recipient has written to the sender.</summary>
    TwoWay,
}

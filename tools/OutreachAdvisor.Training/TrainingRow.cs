namespace OutreachAdvisor.Training;

/// <summary>A text with one label's truth, from the sentence set or derived from a labelled message.</summary>
/// <param name="Weight">How much the row counts in training (derived rows may count less than hand-labelled ones).</param>
/// <param name="Source">"sentences" or "messages", for the training note.</param>
internal sealed record TrainingRow(string Text, bool Label, float Weight, string Source);

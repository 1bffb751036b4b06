namespace OutreachAdvisor.Analysis.Model;

/// <summary>
/// What a size cap left out of a result (the API's response limits, docs/operations.md): counts only,
/// so a client can say "and N more" instead of silently showing less. Null on a result that is whole.
/// </summary>
/// <param name="FindingsOmitted">Findings not listed (the least severe, last in order).</param>
/// <param name="EvidenceOmitted">Evidence spans not listed, over all findings.</param>
/// <param name="RecipientsOmitted">Recipients not listed in findings' <c>recipients</c>, over all findings.</param>
/// <param name="TextsShortened">Texts (evidence, messages, values, check details) cut to their length cap.</param>
public sealed record Truncation(int FindingsOmitted, int EvidenceOmitted, int RecipientsOmitted, int TextsShortened);

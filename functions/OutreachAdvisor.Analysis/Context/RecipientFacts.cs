using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>What the context stage learned about one recipient. Null means "could not be checked".</summary>
public sealed record RecipientFacts
{
    public required EmailAddress Recipient { get; init; }
    public RecipientHistory? History { get; init; }
    public bool? IsContact { get; init; }
    /// <summary>The page the sender says they found the address on, when given.</summary>
    public string? FoundAtSource { get; init; }
    public FoundAtVerdict? FoundAt { get; init; }
}

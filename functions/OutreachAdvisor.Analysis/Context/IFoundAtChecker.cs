using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>Decides whether an address is listed on the page where the sender says they found it.</summary>
public interface IFoundAtChecker
{
    /// <param name="address">The recipient's e-mail address.</param>
    /// <param name="source">An http(s) URL or a local HTML/text file path.</param>
    Task<FoundAtVerdict> CheckAsync(string address, string source, CancellationToken cancellationToken);
}

public enum FoundAtStatus
{
    /// <summary>The address appears on the page (plain, mailto:, entity-encoded or obfuscated).</summary>
    Listed,
    /// <summary>The page was read and the address is not on it.</summary>
    NotListed,
    /// <summary>The page could not be read (refused by the SSRF guard, too large, timed out, missing file...).</summary>
    Unavailable,
}

/// <param name="Detail">Why, as a reason the reader's language renders: "listed as 'jane [at] shape [dot] example'", "refused: 10.0.0.5 is a private address".</param>
public sealed record FoundAtVerdict(FoundAtStatus Status, Reason Detail);

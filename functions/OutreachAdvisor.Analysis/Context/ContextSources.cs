namespace OutreachAdvisor.Analysis.Context;

/// <summary>The I/O sources the context stage may use; any of them may be absent.</summary>
public sealed record ContextSources
{
    public IMailbox? Mailbox { get; init; }
    public IFoundAtChecker? FoundAt { get; init; }
    public ILanguageService? Language { get; init; }
    /// <summary>Looks for cold recipients' addresses on their organisation's site when no found-at page is given; null: off (the command line's default).</summary>
    public IAddressDiscovery? Discovery { get; init; }
    /// <summary>Budget for all mailbox look-ups of one analysis; past it the mailbox rules are skipped, not waited for.</summary>
    public TimeSpan MailboxTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Budget for the found-at pages of one analysis (the fetcher has its own 5 s limit per page too); discovery also ends within it, counted from the stage's start.</summary>
    public TimeSpan FoundAtTimeout { get; init; } = TimeSpan.FromSeconds(6);
    /// <summary>How long an analysis waits for discovery (which starts once the mailbox has answered); a look-up still running then goes on in the background.</summary>
    public TimeSpan DiscoveryWait { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Budget for the language service; past it the built-in analyzer is used alone.</summary>
    public TimeSpan LanguageTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static ContextSources None { get; } = new();
}

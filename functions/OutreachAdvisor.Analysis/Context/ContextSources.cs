namespace OutreachAdvisor.Analysis.Context;

/// <summary>The I/O sources the context stage may use; any of them may be absent.</summary>
public sealed record ContextSources
{
    public IMailbox? Mailbox { get; init; }
    public IFoundAtChecker? FoundAt { get; init; }
    public ILanguageService? Language { get; init; }
    /// <summary>Budget for all mailbox look-ups of one analysis; past it the mailbox rules are skipped, not waited for.</summary>
    public TimeSpan MailboxTimeout { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Budget for each found-at page (the fetcher has its own 5 s limit too).</summary>
    public TimeSpan FoundAtTimeout { get; init; } = TimeSpan.FromSeconds(6);
    /// <summary>Budget for the language service; past it the built-in analyzer is used alone.</summary>
    public TimeSpan LanguageTimeout { get; init; } = TimeSpan.FromSeconds(2);

    public static ContextSources None { get; } = new();
}

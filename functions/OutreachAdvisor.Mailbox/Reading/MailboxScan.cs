namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>
/// The files a walk of the mailbox paths found, and what it passed over without reading (each counted,
/// never silently): directory links (never followed, so a link to a parent cannot loop), folders that
/// could not be listed, folders deeper than <see cref="MailboxFiles.MaxDepth"/>, and entries beyond
/// <see cref="MailboxFiles.MaxEntries"/>.
/// </summary>
internal sealed record MailboxScan(
    IReadOnlyList<MailFile> Files,
    int DirectoryLinks,
    int UnreadableFolders,
    int TooDeep,
    int OverLimit)
{
    /// <summary>The counts by reason, for the report's <c>skipped</c> (only the non-zero ones).</summary>
    public IEnumerable<KeyValuePair<string, int>> SkippedByReason()
    {
        if (DirectoryLinks > 0)
            yield return new(SkipReasons.DirectoryLink, DirectoryLinks);
        if (UnreadableFolders > 0)
            yield return new(SkipReasons.UnreadableFolder, UnreadableFolders);
        if (TooDeep > 0)
            yield return new(SkipReasons.TooDeep, TooDeep);
        if (OverLimit > 0)
            yield return new(SkipReasons.TooManyFiles, OverLimit);
    }
}

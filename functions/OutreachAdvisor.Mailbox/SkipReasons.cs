namespace OutreachAdvisor.Mailbox;

/// <summary>
/// The reasons a local mailbox passes something over, as they appear in the report's <c>skipped</c>
/// (contract section 6) and in docs/mailbox.md. Message reasons count messages; folder and file
/// reasons count folders and files (whose messages, if any, could not be counted one by one).
/// </summary>
public static class SkipReasons
{
    /// <summary>A message with no From or Sender address that could be read, even from the raw header.</summary>
    public const string NoSender = "no-sender";

    /// <summary>The same message saved twice (same Message-Id, author, recipients and date): counted once.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A file inside a folder that could not be opened or is not what its name says.</summary>
    public const string UnreadableFile = "unreadable-file";

    /// <summary>An mbox that turns malformed part-way: the messages before the bad entry are kept, the rest of the file is not read.</summary>
    public const string UnreadableMboxTail = "unreadable-mbox-tail";

    /// <summary>A directory link (symbolic link or junction): never followed, so links to a parent cannot loop.</summary>
    public const string DirectoryLink = "directory-link";

    /// <summary>A folder that could not be listed (permissions).</summary>
    public const string UnreadableFolder = "unreadable-folder";

    /// <summary>A folder deeper than the walk's depth bound.</summary>
    public const string TooDeep = "folder-too-deep";

    /// <summary>Entries past the walk's bound on entries.</summary>
    public const string TooManyFiles = "too-many-files";

    /// <summary>A message dated before the period the source was asked for.</summary>
    public const string BeforePeriod = "before-period";
}

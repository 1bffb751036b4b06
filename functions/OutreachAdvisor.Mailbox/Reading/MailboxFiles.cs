namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>
/// Turns the paths the user gave into the files to read, failing on paths that cannot be used.
/// Folders are walked with an explicit stack, bounded in depth and entries, and directory links are
/// never followed (a folder holding <c>ln -s . a</c> would otherwise be endless); file links are read,
/// since they cannot loop. Everything passed over is counted in the <see cref="MailboxScan"/>.
/// </summary>
internal static class MailboxFiles
{
    /// <summary>Folders deeper than this below a given path are not listed (counted as too deep).</summary>
    public const int MaxDepth = 64;

    /// <summary>At most this many folder entries are looked at over all paths (counted past it).</summary>
    public const int MaxEntries = 5_000_000;

    public static MailboxScan Resolve(IEnumerable<string> paths)
    {
        var walk = new Walk();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<MailFile>();
        foreach (string path in paths)
        {
            foreach (MailFile file in ResolveOne(path, walk))
            {
                // The same file reached through two paths is read once.
                if (seen.Add(file.Path))
                    files.Add(file);
            }
        }

        return new MailboxScan(files, walk.DirectoryLinks, walk.UnreadableFolders, walk.TooDeep, walk.OverLimit);
    }

    private static List<MailFile> ResolveOne(string path, Walk walk)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new MailboxException("mailbox not found: (empty path)");

        string fullPath = Path.GetFullPath(path.Trim());
        if (Directory.Exists(fullPath))
            return FilesInFolder(fullPath, walk);
        if (!File.Exists(fullPath))
            throw new MailboxException($"mailbox not found: {path}");

        MailFileKind kind = MailFileKinds.Of(fullPath) ?? throw new MailboxException($"not a mailbox file: {path}");
        return [new MailFile(fullPath, kind, Named: true)];
    }

    private static List<MailFile> FilesInFolder(string root, Walk walk)
    {
        var files = new List<MailFile>();
        var folders = new Stack<(string Path, int Depth)>();
        folders.Push((root, 0));
        while (folders.Count > 0)
        {
            (string folder, int depth) = folders.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                // Hidden entries (dot files) are passed over, as before; nothing is recursed by the framework.
                entries = new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System });
                entries = entries.ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The folder the user named must be readable; one bad folder deep inside must not hide the rest.
                if (depth == 0)
                    throw new MailboxException($"cannot read mailbox: {folder} ({e.Message})", e);
                walk.UnreadableFolders++;
                continue;
            }

            foreach (FileSystemInfo entry in entries)
            {
                if (++walk.Entries > MaxEntries)
                {
                    walk.OverLimit++;
                    continue;
                }

                if (entry is DirectoryInfo directory)
                {
                    if (directory.LinkTarget is not null || (directory.Attributes & FileAttributes.ReparsePoint) != 0)
                        walk.DirectoryLinks++;
                    else if (depth + 1 > MaxDepth)
                        walk.TooDeep++;
                    else
                        folders.Push((directory.FullName, depth + 1));
                }
                else if (MailFileKinds.Of(entry.FullName) is { } kind)
                {
                    // A link to a folder that looks like a file name (x.mbox -> a folder) is a directory link too.
                    if (entry.LinkTarget is not null && Directory.Exists(entry.FullName))
                        walk.DirectoryLinks++;
                    else
                        files.Add(new MailFile(entry.FullName, kind, Named: false));
                }
            }
        }

        // A stable order makes thread ids and Messages the same on every run.
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    private sealed class Walk
    {
        public long Entries { get; set; }
        public int DirectoryLinks { get; set; }
        public int UnreadableFolders { get; set; }
        public int TooDeep { get; set; }
        public int OverLimit { get; set; }
    }
}

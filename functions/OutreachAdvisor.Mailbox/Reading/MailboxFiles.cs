namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>A file to read; <paramref name="Named"/> when the user gave it directly rather than a folder holding it.</summary>
internal sealed record MailFile(string Path, MailFileKind Kind, bool Named);

/// <summary>Turns the paths the user gave into the files to read, failing on paths that cannot be used.</summary>
internal static class MailboxFiles
{
    public static IReadOnlyList<MailFile> Resolve(IEnumerable<string> paths)
    {
        var files = new List<MailFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string path in paths)
        {
            foreach (MailFile file in ResolveOne(path))
            {
                // The same file reached through two paths is read once.
                if (seen.Add(file.Path))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    private static List<MailFile> ResolveOne(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new MailboxException("mailbox not found: (empty path)");
        }

        string fullPath = Path.GetFullPath(path.Trim());
        if (Directory.Exists(fullPath))
        {
            return FilesInFolder(fullPath);
        }

        if (!File.Exists(fullPath))
        {
            throw new MailboxException($"mailbox not found: {path}");
        }

        MailFileKind kind = MailFileKinds.Of(fullPath) ?? throw new MailboxException($"not a mailbox file: {path}");
        return [new MailFile(fullPath, kind, Named: true)];
    }

    private static List<MailFile> FilesInFolder(string folder)
    {
        // Unreadable subfolders are passed over: one bad folder deep inside should not hide the rest.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        try
        {
            return Directory.EnumerateFiles(folder, "*", options)
                .Select(file => (file, kind: MailFileKinds.Of(file)))
                .Where(entry => entry.kind is not null)
                .Select(entry => new MailFile(entry.file, entry.kind!.Value, Named: false))
                // A stable order makes thread ids and Messages the same on every run.
                .OrderBy(file => file.Path, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MailboxException($"cannot read mailbox: {folder} ({e.Message})", e);
        }
    }
}

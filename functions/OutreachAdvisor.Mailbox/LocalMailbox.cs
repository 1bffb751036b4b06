using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Mailbox.Indexing;
using OutreachAdvisor.Mailbox.Reading;

namespace OutreachAdvisor.Mailbox;

/// <summary>
/// The sender's mailbox read from local files: .eml messages, .mbox files (or files named "mbox")
/// and .vcf contacts, in folders searched recursively or named one by one. Everything is read once,
/// in <see cref="OpenAsync"/>, into header records and counters; bodies are never kept.
/// </summary>
public sealed class LocalMailbox : IMailbox
{
    private static readonly IReadOnlyCollection<string> NoDomains = [];

    private readonly HistoryIndex _history;
    private readonly HashSet<string> _contacts;

    private LocalMailbox(IReadOnlyList<MailHeaderRecord> messages, HashSet<string> contacts, int skippedFiles, int skippedMessages, IReadOnlyDictionary<string, int> skipped, IReadOnlyList<string> paths)
    {
        Messages = messages;
        _contacts = contacts;
        SkippedFiles = skippedFiles;
        SkippedMessages = skippedMessages;
        Skipped = skipped;
        Paths = paths;
        _history = new HistoryIndex(messages);
    }

    public string Name => "local-files";

    /// <summary>The indexed messages, oldest first (undated ones last), each Message-Id once.</summary>
    public IReadOnlyList<MailHeaderRecord> Messages { get; }

    public int MessageCount => Messages.Count;

    /// <summary>Files inside the given folders that could not be read as what their name says (or only partly).</summary>
    public int SkippedFiles { get; }

    /// <summary>Messages inside .mbox files left out because they had no From or Sender.</summary>
    public int SkippedMessages { get; }

    /// <summary>
    /// Everything passed over, by reason (<see cref="SkipReasons"/>): unreadable files, messages without
    /// a sender, duplicates, directory links (never followed), unreadable or too deep folders.
    /// </summary>
    public IReadOnlyDictionary<string, int> Skipped { get; }

    /// <summary>The paths the mailbox was opened from (folders and files), as given.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Distinct addresses found in .vcf files.</summary>
    public int ContactCount => _contacts.Count;

    /// <summary>Reads every path; a path that is missing or unusable throws <see cref="MailboxException"/>.</summary>
    /// <param name="paths">Folders (searched recursively) and single files; none gives an empty mailbox.</param>
    public static async Task<LocalMailbox> OpenAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[] given = paths.ToArray();
        MailboxScan scan = MailboxFiles.Resolve(given);
        IReadOnlyList<MailFile> files = scan.Files;
        var contents = new MailFileContent?[files.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

        // Files are small and independent; reading them in parallel is most of the opening time.
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), options, (index, token) =>
        {
            contents[index] = ReadOrSkip(files[index], token);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);

        return Build(contents, scan, given);
    }

    public Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        return Task.FromResult(_history.Get(sender, recipient));
    }

    /// <summary>Whether the address is on a card of a loaded .vcf file; mail exchanged does not make a contact.</summary>
    public Task<bool> IsContactAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return Task.FromResult(_contacts.Contains(MailAddress.Normalize(address)));
    }

    /// <summary>The sender's own domain, or nothing for a public webmail address (see <see cref="PublicMailDomains"/>).</summary>
    public Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sender);
        string? domain = MailAddress.DomainOf(sender);
        IReadOnlyCollection<string> domains = domain is null || PublicMailDomains.Contains(domain) ? NoDomains : [domain];
        return Task.FromResult(domains);
    }

    /// <summary>The file's content, or null when a file found in a folder cannot be read (it is skipped).</summary>
    private static MailFileContent? ReadOrSkip(MailFile file, CancellationToken cancellationToken)
    {
        try
        {
            return MailFileReader.Read(file.Path, file.Kind, cancellationToken);
        }
        catch (FormatException e) when (file.Named)
        {
            throw new MailboxException($"not a mailbox file: {file.Path} ({e.Message})", e);
        }
        catch (Exception e) when (file.Named && e is IOException or UnauthorizedAccessException)
        {
            throw new MailboxException($"cannot read mailbox: {file.Path} ({e.Message})", e);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static LocalMailbox Build(IEnumerable<MailFileContent?> contents, MailboxScan scan, IReadOnlyList<string> paths)
    {
        var headers = new List<MessageHeaders>();
        var identities = new HashSet<string>(StringComparer.Ordinal);
        var skipped = new Dictionary<string, int>(scan.SkippedByReason(), StringComparer.Ordinal);
        int duplicates = 0;
        var contacts = new HashSet<string>(StringComparer.Ordinal);
        int skippedFiles = 0, skippedMessages = 0;
        foreach (MailFileContent? content in contents)
        {
            if (content is null || content.PartlyRead)
            {
                skippedFiles++;
            }

            if (content is null)
            {
                continue;
            }

            skippedMessages += content.SkippedMessages;
            contacts.UnionWith(content.ContactAddresses);

            // The same message saved twice (an .eml copy of an mbox entry) must not count twice; the same
            // Message-Id with other recipients or another date is another message.
            foreach (MessageHeaders message in content.Messages)
            {
                if (message.IdentityKey(null) is { } key && !identities.Add(key))
                    duplicates++;
                else
                    headers.Add(message);
            }
        }

        Add(skipped, SkipReasons.UnreadableFile, skippedFiles);
        Add(skipped, SkipReasons.NoSender, skippedMessages);
        Add(skipped, SkipReasons.Duplicate, duplicates);

        string[] threadIds = ThreadAssigner.Assign(headers);
        var records = headers
            .Select((h, i) => new MailHeaderRecord(h.Author!, h.To, h.Cc, h.Bcc, h.Date ?? h.ReceivedDate, h.MessageId, threadIds[i], h.Subject))
            .OrderBy(r => r.Date ?? DateTimeOffset.MaxValue)
            .ToList();
        return new LocalMailbox(records, contacts, skippedFiles, skippedMessages, skipped, paths);
    }

    private static void Add(Dictionary<string, int> counts, string reason, int count)
    {
        if (count > 0)
            counts[reason] = counts.GetValueOrDefault(reason) + count;
    }
}

using System.Runtime.CompilerServices;
using MimeKit;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Mailbox.Reading;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.Mailbox;

/// <summary>
/// The report engine's mail from local .eml and .mbox files (folders searched recursively, as for
/// <see cref="LocalMailbox"/>), streamed one message at a time: a message is parsed, turned into a
/// <see cref="ReportMail"/> and dropped. Bodies are read only for the owner's messages.
/// </summary>
/// <remarks>
/// Threads: a message's conversation is the first id of its References (the thread's root), else its
/// In-Reply-To, else its own Message-Id, so a reply and the message it answers share the root's id.
/// Only a message with neither references nor a Message-Id falls back to its normalised subject
/// plus the people in it (the subject alone would merge a campaign's separate messages into one
/// thread). Unlike <see cref="LocalMailbox"/>, threads are not joined through the whole chain:
/// that needs every message first, and the report reads the mailbox once.
/// </remarks>
public sealed class LocalReportMailSource : IReportMailSource
{
    private readonly IReadOnlyList<MailFile> _files;
    private readonly MailboxScan _scan;
    private readonly string _owner;
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);

    private LocalReportMailSource(MailboxScan scan, string owner)
    {
        _scan = scan;
        _files = scan.Files.Where(f => f.Kind is MailFileKind.Message or MailFileKind.Mbox).ToArray();
        _owner = MailAddress.Normalize(owner);
    }

    public string Name => "local-files";

    /// <summary>Messages without an author that could be recovered (counted in <see cref="Skipped"/> as no-sender).</summary>
    public int SkippedMessages => _skipped.GetValueOrDefault(SkipReasons.NoSender);

    /// <summary>
    /// After <see cref="ReadAsync"/>: everything read but not given to the engine, by reason
    /// (<see cref="SkipReasons"/>): messages without a sender, duplicates, messages before the period,
    /// unreadable files and mbox tails, directory links and folders that were not walked.
    /// </summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    /// <summary>Checks the paths now (a missing one throws <see cref="MailboxException"/>); reading happens in <see cref="ReadAsync"/>.</summary>
    public static LocalReportMailSource Open(IEnumerable<string> paths, string owner)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        return new LocalReportMailSource(MailboxFiles.Resolve(paths), owner);
    }

    /// <summary>
    /// The mailbox's owner when not given: the address that takes part in most messages (as author
    /// or recipient), since the owner is on every message sent or received, while a busy
    /// correspondent or a newsletter is on only its own. Ties go to the one that wrote more.
    /// Reads headers only. Null for a mailbox with no messages.
    /// </summary>
    public static async Task<string?> FindOwnerAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        MailFile[] files = MailboxFiles.Resolve(paths).Files.Where(f => f.Kind is MailFileKind.Message or MailFileKind.Mbox).ToArray();
        var appearances = new Dictionary<string, (int Messages, int Authored)>(StringComparer.Ordinal);
        await Task.Run(() =>
        {
            foreach (MailFile? file in files)
            {
                foreach (MessageHeaders headers in ReadHeadersOrSkip(file, [], cancellationToken))
                {
                    foreach (string? address in headers.To.Concat(headers.Cc).Append(headers.Author!).Distinct(StringComparer.Ordinal))
                    {
                        (int messages, int authored) = appearances.GetValueOrDefault(address);
                        appearances[address] = (messages + 1, authored + (address == headers.Author ? 1 : 0));
                    }
                }
            }
        }, cancellationToken).ConfigureAwait(false);

        return appearances
            .OrderByDescending(a => a.Value.Messages)
            .ThenByDescending(a => a.Value.Authored)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key)
            .FirstOrDefault();
    }

    public async IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _skipped.Clear();
        foreach (KeyValuePair<string, int> passedOver in _scan.SkippedByReason())
            _skipped[passedOver.Key] = passedOver.Value;

        // The same message saved twice (an .eml copy of an mbox entry) is reported once; the same
        // Message-Id with other recipients or another date is another message (see MessageHeaders.IdentityKey).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (MailFile file in _files)
        {
            int index = 0;
            foreach ((MimeMessage message, string? mboxMarker) in ReadMessagesOrSkip(file, _skipped, cancellationToken))
            {
                index++;
                ReportMail? mail = ToReportMail(message, mboxMarker, file, $"{file.Path}#{index}", out string? identity);
                if (mail is null)
                    Count(_skipped, SkipReasons.NoSender);
                else if (mail.Date < since)
                    Count(_skipped, SkipReasons.BeforePeriod);
                else if (identity is not null && !seen.Add(identity))
                    Count(_skipped, SkipReasons.Duplicate);
                else
                    yield return mail;
            }

            // Files are read synchronously by MimeKit; yielding between them keeps the caller responsive.
            await Task.Yield();
        }
    }

    private ReportMail? ToReportMail(MimeMessage message, string? mboxMarker, MailFile file, string fallbackId, out string? identity)
    {
        identity = null;
        var headers = MessageHeaders.From(message.Headers);
        if (headers.Author is null)
            return null;

        // The best date there is, and which it was: Date, else the newest Received, else the mbox
        // separator line's date, else the file's time (docs/mailbox.md).
        (DateTimeOffset date, string dateSource) = headers.Date is { } written ? (written, ReportDateSources.Date)
            : headers.ReceivedDate is { } received ? (received, ReportDateSources.Received)
            : MboxMarkerDate(mboxMarker) is { } separator ? (separator, ReportDateSources.MboxSeparator)
            : (new DateTimeOffset(File.GetLastWriteTimeUtc(file.Path), TimeSpan.Zero), ReportDateSources.FileTime);
        identity = headers.IdentityKey(date);

        bool sent = headers.Author == _owner;
        (string? body, BodyFormat format) = sent ? BodyOf(message) : (null, BodyFormat.Text);
        IReadOnlyDictionary<string, string> names = headers.DisplayNames ?? new Dictionary<string, string>();
        return new ReportMail
        {
            Id = headers.MessageId ?? fallbackId,
            ConversationId = ConversationOf(headers),
            From = new EmailAddress(names.GetValueOrDefault(headers.Author), headers.Author),
            To = Named(headers.To, names),
            Cc = Named(headers.Cc, names),
            Bcc = Named(headers.Bcc, names),
            Subject = headers.Subject,
            Date = date,
            DateSource = dateSource,
            Body = body,
            BodyFormat = format,
            UnreadableRecipientHeaders = MessageFile.RecipientHeaders(headers.UnreadableAddressHeaders),
            PartlyReadableRecipientHeaders = MessageFile.RecipientHeaders(headers.PartlyReadableAddressHeaders),
        };
    }

    private string ConversationOf(MessageHeaders headers)
    {
        if (headers.ThreadReferences.Count > 0)
            return headers.ThreadReferences[0];
        if (headers.MessageId is not null)
            return headers.MessageId;
        IOrderedEnumerable<string> people = headers.To.Concat(headers.Cc).Append(headers.Author!).Where(a => a != _owner).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return $"subject:{SubjectNormalizer.Normalize(headers.Subject)}|{string.Join(',', people)}";
    }

    /// <summary>The recipients with their display names (names help recognise a mail merge), addresses as the index normalises them.</summary>
    private static EmailAddress[] Named(IReadOnlyList<string> normalized, IReadOnlyDictionary<string, string> names) =>
        normalized.Select(address => new EmailAddress(names.GetValueOrDefault(address), address)).ToArray();

    /// <summary>The date of an mbox "From " line ("From someone@x Mon Mar  2 10:00:00 2026", asctime, taken as UTC).</summary>
    internal static DateTimeOffset? MboxMarkerDate(string? marker)
    {
        if (string.IsNullOrWhiteSpace(marker))
            return null;
        string[] words = marker.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length < 5)
            return null;
        string asctime = string.Join(' ', words[^5..]);
        return DateTime.TryParseExact(asctime, "ddd MMM d HH:mm:ss yyyy", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out DateTime parsed)
            ? new DateTimeOffset(parsed, TimeSpan.Zero)
            : null;
    }

    private static void Count(Dictionary<string, int> counts, string reason) => counts[reason] = counts.GetValueOrDefault(reason) + 1;

    private static (string? Body, BodyFormat Format) BodyOf(MimeMessage message) =>
        message.TextBody is { Length: > 0 } text ? (text, BodyFormat.Text)
        : message.HtmlBody is { Length: > 0 } html ? (html, BodyFormat.Html)
        : (string.Empty, BodyFormat.Text);

    private static IEnumerable<MessageHeaders> ReadHeadersOrSkip(MailFile file, Dictionary<string, int> skipped, CancellationToken cancellationToken) =>
        ReadMessagesOrSkip(file, skipped, cancellationToken).Select(m => MessageHeaders.From(m.Message.Headers)).Where(h => h.Author is not null);

    /// <summary>
    /// The file's messages one by one, each with its mbox "From " line when it has one. A file found in a
    /// folder that cannot be read is skipped and counted (unreadable-file); one the user named throws
    /// <see cref="MailboxException"/>. An mbox that turns malformed keeps the messages before the bad entry
    /// and counts the rest of the file as unreadable-mbox-tail.
    /// </summary>
    private static IEnumerable<(MimeMessage Message, string? MboxMarker)> ReadMessagesOrSkip(MailFile file, Dictionary<string, int> skipped, CancellationToken cancellationToken)
    {
        FileStream stream;
        MimeParser parser;
        bool mbox;
        try
        {
            stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            // Some tools save a single .eml with its mbox "From " line; MIME parsing would fail on it.
            mbox = file.Kind == MailFileKind.Mbox || StartsWithMboxSeparator(stream);
            // persistent: bodies stay ranges of the file; only the owner's are ever decoded.
            parser = new MimeParser(stream, mbox ? MimeFormat.Mbox : MimeFormat.Entity, persistent: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (file.Named)
                throw new MailboxException($"cannot read mailbox: {file.Path} ({e.Message})", e);
            Count(skipped, SkipReasons.UnreadableFile);
            yield break;
        }

        using (stream)
        {
            int count = 0;
            while (stream.Length > 0 && !parser.IsEndOfStream)
            {
                MimeMessage? message;
                try
                {
                    message = parser.ParseMessage(cancellationToken);
                }
                catch (Exception e) when (e is FormatException or IOException)
                {
                    if (file.Named && count == 0)
                        throw new MailboxException($"not a mailbox file: {file.Path} ({e.Message})", e);
                    Count(skipped, count == 0 ? SkipReasons.UnreadableFile : SkipReasons.UnreadableMboxTail);
                    yield break;
                }

                count++;
                yield return (message, mbox ? parser.MboxMarker : null);
                if (!mbox)
                    yield break;
            }
        }
    }

    private static bool StartsWithMboxSeparator(Stream stream)
    {
        Span<byte> start = stackalloc byte[5];
        int read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == start.Length && start.SequenceEqual("From "u8);
    }
}

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
    private readonly string _owner;

    private LocalReportMailSource(IReadOnlyList<MailFile> files, string owner)
    {
        _files = files;
        _owner = MailAddress.Normalize(owner);
    }

    public string Name => "local-files";

    /// <summary>Messages left out: unreadable files, entries without an author or a date.</summary>
    public int SkippedMessages { get; private set; }

    /// <summary>Checks the paths now (a missing one throws <see cref="MailboxException"/>); reading happens in <see cref="ReadAsync"/>.</summary>
    public static LocalReportMailSource Open(IEnumerable<string> paths, string owner)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        MailFile[] files = MailboxFiles.Resolve(paths).Where(f => f.Kind is MailFileKind.Message or MailFileKind.Mbox).ToArray();
        return new LocalReportMailSource(files, owner);
    }

    /// <summary>
    /// The mailbox's owner when not given: the address that takes part in most messages (as author
    /// or recipient), since the owner is on every message sent or received, while a busy
    /// correspondent or a newsletter is on only its own. Ties go to the one that wrote more.
    /// Reads headers only. Null for a mailbox with no messages.
    /// </summary>
    public static async Task<string?> FindOwnerAsync(IEnumerable<string> paths, CancellationToken cancellationToken = default)
    {
        MailFile[] files = MailboxFiles.Resolve(paths).Where(f => f.Kind is MailFileKind.Message or MailFileKind.Mbox).ToArray();
        var appearances = new Dictionary<string, (int Messages, int Authored)>(StringComparer.Ordinal);
        await Task.Run(() =>
        {
            foreach (MailFile? file in files)
            {
                foreach (MessageHeaders headers in ReadHeadersOrSkip(file, cancellationToken))
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
        // The same message saved twice (an .eml copy of an mbox entry) is reported once.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (MailFile file in _files)
        {
            int index = 0;
            foreach (MimeMessage message in ReadMessagesOrSkip(file, cancellationToken))
            {
                index++;
                ReportMail? mail = ToReportMail(message, $"{file.Path}#{index}");
                if (mail is null)
                {
                    SkippedMessages++;
                    continue;
                }

                if (mail.Date >= since && seen.Add(mail.Id))
                    yield return mail;
            }

            // Files are read synchronously by MimeKit; yielding between them keeps the caller responsive.
            await Task.Yield();
        }
    }

    private ReportMail? ToReportMail(MimeMessage message, string fallbackId)
    {
        var headers = MessageHeaders.From(message.Headers);
        if (headers.Author is null || headers.Date is null)
            return null;

        bool sent = headers.Author == _owner;
        (string? body, BodyFormat format) = sent ? BodyOf(message) : (null, BodyFormat.Text);
        return new ReportMail
        {
            Id = headers.MessageId ?? fallbackId,
            ConversationId = ConversationOf(headers),
            From = new EmailAddress(NameOf(message.From), headers.Author),
            To = Named(message.To, headers.To),
            Cc = Named(message.Cc, headers.Cc),
            Bcc = Named(message.Bcc, headers.Bcc),
            Subject = headers.Subject,
            Date = headers.Date.Value,
            Body = body,
            BodyFormat = format,
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
    private static EmailAddress[] Named(InternetAddressList list, IReadOnlyList<string> normalized)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (MailboxAddress mailbox in list.Mailboxes)
        {
            if (!string.IsNullOrWhiteSpace(mailbox.Name))
                names.TryAdd(MailAddress.Normalize(mailbox.Address), mailbox.Name);
        }

        return normalized.Select(address => new EmailAddress(names.GetValueOrDefault(address), address)).ToArray();
    }

    private static string? NameOf(InternetAddressList list) =>
        list.Mailboxes.FirstOrDefault()?.Name is { Length: > 0 } name ? name : null;

    private static (string? Body, BodyFormat Format) BodyOf(MimeMessage message) =>
        message.TextBody is { Length: > 0 } text ? (text, BodyFormat.Text)
        : message.HtmlBody is { Length: > 0 } html ? (html, BodyFormat.Html)
        : (string.Empty, BodyFormat.Text);

    private static IEnumerable<MessageHeaders> ReadHeadersOrSkip(MailFile file, CancellationToken cancellationToken) =>
        ReadMessagesOrSkip(file, cancellationToken).Select(m => MessageHeaders.From(m.Headers)).Where(h => h.Author is not null);

    /// <summary>
    /// The file's messages one by one. A file found in a folder that cannot be read is skipped (as
    /// <see cref="LocalMailbox"/> does); one the user named throws <see cref="MailboxException"/>.
    /// An mbox that turns malformed keeps the messages before the bad entry.
    /// </summary>
    private static IEnumerable<MimeMessage> ReadMessagesOrSkip(MailFile file, CancellationToken cancellationToken)
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
                catch (FormatException e)
                {
                    if (file.Named && count == 0)
                        throw new MailboxException($"not a mailbox file: {file.Path} ({e.Message})", e);
                    yield break;
                }

                count++;
                yield return message;
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

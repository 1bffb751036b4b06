using System.Text;
using MimeKit;

namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>
/// Reads the headers of the messages in one file and the addresses of the cards in a .vcf.
/// Throws <see cref="FormatException"/> when the file is not what its name says, and
/// <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot be read.
/// </summary>
internal static class MailFileReader
{
    private static readonly byte[] MboxSeparator = "From "u8.ToArray();

    public static MailFileContent Read(string path, MailFileKind kind, CancellationToken cancellationToken) => kind switch
    {
        MailFileKind.Message => ReadMessage(path, cancellationToken),
        MailFileKind.Mbox => ReadMbox(path, cancellationToken),
        MailFileKind.Contacts => ReadContacts(path),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static MailFileContent ReadMessage(string path, CancellationToken cancellationToken)
    {
        using FileStream stream = OpenForReading(path);
        if (StartsWithMboxSeparator(stream))
        {
            // Some tools save a single message with its mbox "From " line; MIME parsing would fail on it.
            return ReadMbox(stream, cancellationToken);
        }

        // Headers only: the parser stops at the blank line, so the body is never read into memory.
        var parser = new MimeParser(stream, MimeFormat.Entity, persistent: true);
        var headers = MessageHeaders.From(parser.ParseHeaders(cancellationToken));
        if (headers.Author is null)
        {
            throw new FormatException("no From or Sender header");
        }

        return new MailFileContent([headers], [], SkippedMessages: 0, PartlyRead: false);
    }

    private static MailFileContent ReadMbox(string path, CancellationToken cancellationToken)
    {
        using FileStream stream = OpenForReading(path);
        return ReadMbox(stream, cancellationToken);
    }

    private static MailFileContent ReadMbox(Stream stream, CancellationToken cancellationToken)
    {
        if (stream.Length == 0)
        {
            return new MailFileContent([], [], 0, false);
        }

        // persistent: bodies stay as ranges of the file instead of being copied into memory;
        // each parsed message is dropped as soon as its headers are taken.
        var parser = new MimeParser(stream, MimeFormat.Mbox, persistent: true);
        var messages = new List<MessageHeaders>();
        int skipped = 0;
        while (!parser.IsEndOfStream)
        {
            MimeMessage message;
            try
            {
                message = parser.ParseMessage(cancellationToken);
            }
            catch (FormatException) when (messages.Count + skipped > 0)
            {
                // MimeParser cannot resume after a malformed entry: keep what was read before it.
                return new MailFileContent(messages, [], skipped, PartlyRead: true);
            }

            var headers = MessageHeaders.From(message.Headers);
            if (headers.Author is null)
            {
                skipped++;
            }
            else
            {
                messages.Add(headers);
            }
        }

        return new MailFileContent(messages, [], skipped, PartlyRead: false);
    }

    private static MailFileContent ReadContacts(string path)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        IReadOnlyList<string> addresses = VCardReader.ReadAddresses(text) ?? throw new FormatException("no BEGIN:VCARD");
        return new MailFileContent([], addresses, 0, false);
    }

    private static FileStream OpenForReading(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);

    private static bool StartsWithMboxSeparator(Stream stream)
    {
        Span<byte> start = stackalloc byte[MboxSeparator.Length];
        int read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == start.Length && start.SequenceEqual(MboxSeparator);
    }
}

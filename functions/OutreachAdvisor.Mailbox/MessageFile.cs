using MimeKit;
using OutreachAdvisor.Analysis.Model;
using OutreachAdvisor.Mailbox.Reading;

namespace OutreachAdvisor.Mailbox;

/// <summary>
/// Reads one MIME message (an .eml file or standard input) into the analysis request. Messages up to
/// <see cref="MaxBytes"/> are accepted (a CV attached is the common case); attachments are never
/// decoded or analysed, only the text (or HTML) body, which may be at most <see cref="MaxBodyChars"/>.
/// </summary>
public static class MessageFile
{
    /// <summary>
    /// Whole messages larger than this are refused rather than read: 50 MiB, so that a message carrying
    /// 25 MB of attachments (about 34 MB once base64-encoded) is accepted.
    /// </summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The body handed to the analysis: at most 1 MiB of characters, the HTTP API's request limit.</summary>
    public const int MaxBodyChars = 1_048_576;

    /// <summary>Reads a message; problems the user can fix throw <see cref="MessageFileException"/> with a one-line reason.</summary>
    public static async Task<MessageInput> ReadAsync(Stream stream, string displayName, CancellationToken cancellationToken) =>
        (await ReadMessageAsync(stream, displayName, cancellationToken).ConfigureAwait(false)).Message;

    public static async Task<MessageInput> ReadAsync(string path, CancellationToken cancellationToken) =>
        (await ReadMessageAsync(path, cancellationToken).ConfigureAwait(false)).Message;

    /// <summary>
    /// Reads a message with what could not be read of it: <see cref="MessageFileContent.UnreadableAddressHeaders"/>
    /// names the address headers from which no address could be recovered (their recipients are missing).
    /// </summary>
    public static async Task<MessageFileContent> ReadMessageAsync(Stream stream, string displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await CopyAtMostAsync(stream, buffer, MaxBytes, displayName, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return await ParseAsync(buffer, displayName, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<MessageFileContent> ReadMessageAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            throw new MessageFileException($"{path} is a folder, not a message file");
        if (!File.Exists(path))
            throw new MessageFileException($"message file not found: {path}");
        try
        {
            await using FileStream stream = File.OpenRead(path);
            if (stream.Length > MaxBytes)
                throw new MessageFileException($"{path} is larger than {MaxBytes / 1024 / 1024} MB");
            return await ParseAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            throw new MessageFileException($"cannot read {path}: permission denied");
        }
    }

    private static async Task<MessageFileContent> ParseAsync(Stream stream, string displayName, CancellationToken cancellationToken)
    {
        if (stream.Length == 0)
            throw new MessageFileException($"{displayName} is empty");

        MimeMessage message;
        try
        {
            // persistent: attachments stay ranges of the stream and are never decoded.
            message = await MimeMessage.LoadAsync(ParserOptions.Default, stream, persistent: true, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException)
        {
            throw new MessageFileException($"{displayName} is not a MIME message");
        }

        var headers = MessageHeaders.From(message.Headers);
        // A text file parses as a message with no headers at all: that is not an e-mail.
        bool anyAddressHeader = message.Headers.Any(h => h.Id is HeaderId.From or HeaderId.To or HeaderId.Sender);
        if (!anyAddressHeader && string.IsNullOrEmpty(message.Subject))
            throw new MessageFileException($"{displayName} is not a MIME message (no From, To or Subject header)");

        (string body, BodyFormat format) = BodyOf(message);
        if (string.IsNullOrWhiteSpace(body))
            throw new MessageFileException($"{displayName} has no text body to check");
        if (body.Length > MaxBodyChars)
            throw new MessageFileException($"{displayName} has a body larger than {MaxBodyChars / 1024 / 1024} MB of text, more than the analysis reads");

        IReadOnlyDictionary<string, string> names = headers.DisplayNames ?? new Dictionary<string, string>();
        EmailAddress Address(string address) => new(names.GetValueOrDefault(address), address);
        var input = new MessageInput
        {
            From = headers.Author is { } author ? Address(author) : null,
            To = headers.To.Select(Address).ToArray(),
            Cc = headers.Cc.Select(Address).ToArray(),
            Bcc = headers.Bcc.Select(Address).ToArray(),
            Subject = message.Subject ?? string.Empty,
            Body = body,
            BodyFormat = format,
            UnreadableRecipientHeaders = RecipientHeaders(headers.UnreadableAddressHeaders),
            PartlyReadableRecipientHeaders = RecipientHeaders(headers.PartlyReadableAddressHeaders),
        };
        return new MessageFileContent(input, headers.UnreadableAddressHeaders ?? []) { PartlyReadableAddressHeaders = headers.PartlyReadableAddressHeaders ?? [] };
    }

    /// <summary>The To, Cc and Bcc headers among those nothing could be read from (the sender's is not a recipient's).</summary>
    internal static string[] RecipientHeaders(IReadOnlyList<string>? unreadable) =>
        (unreadable ?? []).Where(h => h.Equals("To", StringComparison.OrdinalIgnoreCase) || h.Equals("Cc", StringComparison.OrdinalIgnoreCase)
            || h.Equals("Bcc", StringComparison.OrdinalIgnoreCase)).ToArray();

    private static (string Body, BodyFormat Format) BodyOf(MimeMessage message) =>
        message.TextBody is { Length: > 0 } text ? (text, BodyFormat.Text)
        : message.HtmlBody is { Length: > 0 } html ? (html, BodyFormat.Html)
        : (string.Empty, BodyFormat.Text);

    private static async Task CopyAtMostAsync(Stream source, Stream target, long limit, string displayName, CancellationToken cancellationToken)
    {
        byte[] chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (target.Length + read > limit)
                throw new MessageFileException($"{displayName} is larger than {limit / 1024 / 1024} MB");
            await target.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
    }
}

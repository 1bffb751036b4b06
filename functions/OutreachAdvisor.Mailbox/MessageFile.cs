using MimeKit;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Mailbox;

/// <summary>Reads one MIME message (an .eml file or standard input) into the analysis request.</summary>
public static class MessageFile
{
    /// <summary>Messages larger than this are refused rather than read (the HTTP API has the same limit).</summary>
    public const long MaxBytes = 1_048_576;

    /// <summary>Reads a message; problems the user can fix throw <see cref="MessageFileException"/> with a one-line reason.</summary>
    public static async Task<MessageInput> ReadAsync(Stream stream, string displayName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await CopyAtMostAsync(stream, buffer, MaxBytes, displayName, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
            throw new MessageFileException($"{displayName} is empty");
        buffer.Position = 0;

        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException)
        {
            throw new MessageFileException($"{displayName} is not a MIME message");
        }

        // A text file parses as a message with no headers at all: that is not an e-mail.
        if (message.From.Count == 0 && message.To.Count == 0 && string.IsNullOrEmpty(message.Subject))
            throw new MessageFileException($"{displayName} is not a MIME message (no From, To or Subject header)");

        (string body, BodyFormat format) = BodyOf(message);
        if (string.IsNullOrWhiteSpace(body))
            throw new MessageFileException($"{displayName} has no text body to check");

        return new MessageInput
        {
            From = message.From.Mailboxes.Select(ToAddress).FirstOrDefault(),
            To = message.To.Mailboxes.Select(ToAddress).ToArray(),
            Cc = message.Cc.Mailboxes.Select(ToAddress).ToArray(),
            Bcc = message.Bcc.Mailboxes.Select(ToAddress).ToArray(),
            Subject = message.Subject ?? string.Empty,
            Body = body,
            BodyFormat = format,
        };
    }

    public static async Task<MessageInput> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
            throw new MessageFileException($"{path} is a folder, not a message file");
        if (!File.Exists(path))
            throw new MessageFileException($"message file not found: {path}");
        try
        {
            await using FileStream stream = File.OpenRead(path);
            return await ReadAsync(stream, path, cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException)
        {
            throw new MessageFileException($"cannot read {path}: permission denied");
        }
    }

    private static (string Body, BodyFormat Format) BodyOf(MimeMessage message) =>
        message.TextBody is { Length: > 0 } text ? (text, BodyFormat.Text)
        : message.HtmlBody is { Length: > 0 } html ? (html, BodyFormat.Html)
        : (string.Empty, BodyFormat.Text);

    private static EmailAddress ToAddress(MailboxAddress mailbox) =>
        new(string.IsNullOrWhiteSpace(mailbox.Name) ? null : mailbox.Name, mailbox.Address);

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

/// <summary>A message file the user gave cannot be checked; the message is one line.</summary>
public sealed class MessageFileException(string message) : Exception(message);

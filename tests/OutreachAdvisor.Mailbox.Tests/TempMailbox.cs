using System.Text;

namespace OutreachAdvisor.Mailbox.Tests;

/// <summary>A throw-away mailbox folder that tests fill with files; deleted on dispose.</summary>
internal sealed class TempMailbox : IDisposable
{
    public TempMailbox()
    {
        Root = Path.Combine(Path.GetTempPath(), "outreach-mailbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes a file under the root (folders created as needed) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        string path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public Task<LocalMailbox> OpenAsync() => LocalMailbox.OpenAsync([Root]);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    /// <summary>A minimal RFC 5322 message; header lines are left out when their value is null.</summary>
    public static string Message(
        string? from,
        string subject,
        string? to = null,
        string? messageId = null,
        string? inReplyTo = null,
        string? references = null,
        string? cc = null,
        string? bcc = null,
        string? sender = null,
        string? date = "Mon, 02 Mar 2026 10:00:00 +0000")
    {
        var text = new StringBuilder();
        void Header(string name, string? value)
        {
            if (value is not null)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }

        Header("From", from);
        Header("Sender", sender);
        Header("To", to);
        Header("Cc", cc);
        Header("Bcc", bcc);
        Header("Subject", subject);
        Header("Date", date);
        Header("Message-ID", messageId);
        Header("In-Reply-To", inReplyTo);
        Header("References", references);
        text.Append("Content-Type: text/plain; charset=utf-8\r\n\r\nBody of ").Append(subject).Append(".\r\n");
        return text.ToString();
    }

    /// <summary>Messages joined into one mbox text, each after its "From " separator line.</summary>
    public static string Mbox(params string[] messages) =>
        string.Concat(messages.Select(m => "From sender@example.net Mon Mar  2 10:00:00 2026\r\n" + m + "\r\n"));
}

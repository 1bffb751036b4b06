using MimeKit;
using MimeKit.Utils;

namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>The headers of one message that the index needs, read from MimeKit's header list.</summary>
internal sealed record MessageHeaders(
    string? Author,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    DateTimeOffset? Date,
    string? MessageId,
    IReadOnlyList<string> ThreadReferences,
    string Subject)
{
    public static MessageHeaders From(HeaderList headers)
    {
        // Sender stands in only when From is missing: when both exist, From is who wrote it.
        string? author = Addresses(headers, HeaderId.From).FirstOrDefault()
                     ?? Addresses(headers, HeaderId.Sender).FirstOrDefault();
        return new MessageHeaders(
            author,
            Addresses(headers, HeaderId.To),
            Addresses(headers, HeaderId.Cc),
            Addresses(headers, HeaderId.Bcc),
            DateUtils.TryParse(headers[HeaderId.Date] ?? string.Empty, out DateTimeOffset date) ? date : null,
            MessageIdOf(headers),
            ReferencesOf(headers),
            headers[HeaderId.Subject]?.Trim() ?? string.Empty);
    }

    /// <summary>Every mailbox of every header with this id (groups flattened), normalised, each once.</summary>
    private static List<string> Addresses(HeaderList headers, HeaderId id)
    {
        var result = new List<string>();
        foreach (Header? header in headers.Where(h => h.Id == id))
        {
            // An unparsable address header is ignored, not fatal: the rest of the message still counts.
            if (!InternetAddressList.TryParse(ParserOptions.Default, header.RawValue, out InternetAddressList? list))
            {
                continue;
            }

            foreach (MailboxAddress mailbox in list.Mailboxes)
            {
                string address = MailAddress.Normalize(mailbox.Address);
                if (address.Length > 0 && !result.Contains(address))
                {
                    result.Add(address);
                }
            }
        }

        return result;
    }

    private static string? MessageIdOf(HeaderList headers)
    {
        string? value = headers[HeaderId.MessageId];
        return string.IsNullOrWhiteSpace(value) ? null : MimeUtils.ParseMessageId(value);
    }

    /// <summary>References (root first) then In-Reply-To: the ids of earlier messages in the thread.</summary>
    private static List<string> ReferencesOf(HeaderList headers)
    {
        var ids = new List<string>();
        foreach (HeaderId id in new[] { HeaderId.References, HeaderId.InReplyTo })
        {
            string? value = headers[id];
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            foreach (string reference in MimeUtils.EnumerateReferences(value))
            {
                if (!ids.Contains(reference))
                {
                    ids.Add(reference);
                }
            }
        }

        return ids;
    }
}

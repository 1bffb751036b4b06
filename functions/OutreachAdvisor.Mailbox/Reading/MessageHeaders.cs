using MimeKit;
using MimeKit.Utils;

namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>The headers of one message that the index needs, read from MimeKit's header list.</summary>
/// <param name="Date">The Date header; null when missing or unparsable.</param>
/// <param name="ReceivedDate">The date of the newest (topmost) Received header: when the message reached this mailbox.</param>
/// <param name="DisplayNames">Address to display name, for the addresses that had one (names help recognise a mail merge).</param>
/// <param name="UnreadableAddressHeaders">Address headers (From, Sender, To, Cc, Bcc) that held text from which no address could be recovered.</param>
/// <param name="PartlyReadableAddressHeaders">Address headers that gave addresses but also held a part that gave none (someone is missing).</param>
internal sealed record MessageHeaders(
    string? Author,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    IReadOnlyList<string> Bcc,
    DateTimeOffset? Date,
    string? MessageId,
    IReadOnlyList<string> ThreadReferences,
    string Subject,
    DateTimeOffset? ReceivedDate = null,
    IReadOnlyDictionary<string, string>? DisplayNames = null,
    IReadOnlyList<string>? UnreadableAddressHeaders = null,
    IReadOnlyList<string>? PartlyReadableAddressHeaders = null)
{
    public static MessageHeaders From(HeaderList headers)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        var partly = new List<string>();

        // Sender stands in only when From is missing: when both exist, From is who wrote it.
        string? author = Addresses(headers, HeaderId.From, names, unreadable, partly).FirstOrDefault()
                     ?? Addresses(headers, HeaderId.Sender, names, unreadable, partly).FirstOrDefault();
        return new MessageHeaders(
            author,
            Addresses(headers, HeaderId.To, names, unreadable, partly),
            Addresses(headers, HeaderId.Cc, names, unreadable, partly),
            Addresses(headers, HeaderId.Bcc, names, unreadable, partly),
            DateUtils.TryParse(headers[HeaderId.Date] ?? string.Empty, out DateTimeOffset date) ? date : null,
            MessageIdOf(headers),
            ReferencesOf(headers),
            headers[HeaderId.Subject]?.Trim() ?? string.Empty,
            ReceivedDateOf(headers),
            names,
            unreadable,
            partly);
    }

    /// <summary>To, Cc and Bcc together, each address once.</summary>
    public IEnumerable<string> Recipients => To.Concat(Cc).Concat(Bcc).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// What makes two copies the same message: the Message-Id alone is not enough (tools reuse ids,
    /// and a resent message keeps its id), so the author, the recipients and the date are part of it.
    /// Null when the message has no Message-Id: such messages are never merged.
    /// </summary>
    public string? IdentityKey(DateTimeOffset? date) => MessageId is null
        ? null
        : string.Join('\n', MessageId, Author ?? string.Empty, (date ?? Date)?.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
            string.Join(',', Recipients.Order(StringComparer.Ordinal)));

    /// <summary>Every mailbox of every header with this id (groups flattened), normalised, each once; recovered from the raw text when MimeKit refuses the header.</summary>
    private static List<string> Addresses(HeaderList headers, HeaderId id, Dictionary<string, string> names, List<string> unreadable, List<string> partly)
    {
        var result = new List<string>();
        foreach (Header header in headers.Where(h => h.Id == id))
        {
            (IReadOnlyList<RecoveredAddress> addresses, bool unrecovered, bool partlyReadable) = HeaderAddresses.ParseParts(header);
            if (unrecovered && !unreadable.Contains(header.Field))
                unreadable.Add(header.Field);
            if (partlyReadable && !partly.Contains(header.Field))
                partly.Add(header.Field);
            foreach (RecoveredAddress mailbox in addresses)
            {
                string address = MailAddress.Normalize(mailbox.Address);
                if (address.Length == 0 || result.Contains(address))
                    continue;
                result.Add(address);
                if (mailbox.Name is { Length: > 0 } name)
                    names.TryAdd(address, name);
            }
        }

        return result;
    }

    private static string? MessageIdOf(HeaderList headers)
    {
        string? value = headers[HeaderId.MessageId];
        return string.IsNullOrWhiteSpace(value) ? null : MimeUtils.ParseMessageId(value);
    }

    /// <summary>The topmost Received header's date (after its last ';'), the time the message arrived here.</summary>
    private static DateTimeOffset? ReceivedDateOf(HeaderList headers)
    {
        foreach (Header header in headers.Where(h => h.Id == HeaderId.Received))
        {
            string value = header.Value ?? string.Empty;
            int semicolon = value.LastIndexOf(';');
            if (semicolon >= 0 && DateUtils.TryParse(value[(semicolon + 1)..].Trim(), out DateTimeOffset date))
                return date;
        }

        return null;
    }

    /// <summary>References (root first) then In-Reply-To: the ids of earlier messages in the thread.</summary>
    private static List<string> ReferencesOf(HeaderList headers)
    {
        var ids = new List<string>();
        foreach (HeaderId id in new[] { HeaderId.References, HeaderId.InReplyTo })
        {
            string? value = headers[id];
            if (string.IsNullOrWhiteSpace(value))
                continue;

            foreach (string reference in MimeUtils.EnumerateReferences(value))
            {
                if (!ids.Contains(reference))
                    ids.Add(reference);
            }
        }

        return ids;
    }
}

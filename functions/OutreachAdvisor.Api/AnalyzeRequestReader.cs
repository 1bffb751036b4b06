using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OutreachAdvisor.Analysis.Json;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Api;

/// <summary>Reads and validates the body of <c>POST /api/analyze</c>; every refusal is a problem naming what is wrong.</summary>
public static class AnalyzeRequestReader
{
    public sealed record Outcome(MessageInput? Message, Problem? Problem);

    public static async Task<Outcome> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
            return Refuse(Problems.UnsupportedMediaType(request.ContentType));
        if (request.ContentLength > ApiLimits.MaxRequestBytes)
            return Refuse(Problems.TooLarge(ApiLimits.MaxRequestBytes));

        byte[]? body = await ReadAtMostAsync(request.Body, ApiLimits.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
            return Refuse(Problems.TooLarge(ApiLimits.MaxRequestBytes));
        if (body.Length == 0)
            return Refuse(Problems.BadRequest("body", "the request has no JSON body"));

        MessageInput? message;
        try
        {
            message = JsonSerializer.Deserialize(body, AnalysisJsonContext.Default.MessageInput);
        }
        catch (JsonException error)
        {
            string field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "body" : error.Path.TrimStart('$', '.');
            return Refuse(Problems.BadRequest(field, "is not valid JSON for this field" + (error.LineNumber is { } line ? $" (line {line + 1})" : string.Empty)));
        }
        if (message is null)
            return Refuse(Problems.BadRequest("body", "expected a JSON object"));

        message = WithEmptyLists(message);
        return Validate(message) is { } problem ? Refuse(problem) : new Outcome(message, null);
    }

    private static Outcome Refuse(Problem problem) => new(null, problem);

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out MediaTypeHeaderValue? parsed)
        && (parsed.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || parsed.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>JSON null for a list means "none": treat it so rather than failing later.</summary>
    private static MessageInput WithEmptyLists(MessageInput message) => message with
    {
        To = message.To ?? [],
        Cc = message.Cc ?? [],
        Bcc = message.Bcc ?? [],
        Subject = message.Subject ?? string.Empty,
    };

    private static Problem? Validate(MessageInput message)
    {
        if (message.Body is null)
            return Problems.BadRequest("body", "is required");
        if (message.From is not null && CheckAddress("from", message.From) is { } fromProblem)
            return fromProblem;

        int recipients = message.To.Count + message.Cc.Count + message.Bcc.Count;
        if (recipients > ApiLimits.MaxRecipients)
            return Problems.BadRequest("to", $"at most {ApiLimits.MaxRecipients} recipients (To, Cc and Bcc together), not {recipients}");
        foreach ((string field, IReadOnlyList<EmailAddress> list) in new[] { ("to", message.To), ("cc", message.Cc), ("bcc", message.Bcc) })
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (CheckAddress($"{field}[{i}]", list[i]) is { } problem)
                    return problem;
            }
        }

        foreach ((string address, string source) in message.FoundAt ?? new Dictionary<string, string>())
        {
            // The server reads only public web pages: a file path here would let callers probe the server's disk.
            if (!Uri.TryCreate(source, UriKind.Absolute, out Uri? page) || (page.Scheme != Uri.UriSchemeHttps && page.Scheme != Uri.UriSchemeHttp))
                return Problems.BadRequest($"foundAt['{address}']", "must be an http or https URL");
        }

        foreach ((string address, string where) in message.PriorContact ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(where) || where.Trim().Length > MessageInput.MaxPriorContactLength)
                return Problems.BadRequest($"priorContact['{Truncate(address)}']", $"must say where, in 1 to {MessageInput.MaxPriorContactLength} characters (linkedin, twitter, event, introduced, phone, or your own words)");
        }
        return null;
    }

    private static Problem? CheckAddress(string field, EmailAddress? address)
    {
        if (address is null || string.IsNullOrWhiteSpace(address.Address))
            return Problems.BadRequest($"{field}.address", "is required");
        string value = address.Address.Trim();
        int at = value.LastIndexOf('@');
        if (value.Length > ApiLimits.MaxAddressLength || at <= 0 || at == value.Length - 1 || value.Any(char.IsWhiteSpace))
            return Problems.BadRequest($"{field}.address", $"'{Truncate(value)}' is not an e-mail address");
        return null;
    }

    private static string Truncate(string value) => value.Length <= 80 ? value : value[..80] + "…";

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> (Content-Length may be absent or wrong).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16384];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

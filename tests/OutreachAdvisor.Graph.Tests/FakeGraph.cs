using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>A message in the fake mailbox: only what the queries look at.</summary>
public sealed record FakeMessage(string Id, string ConversationId, string From, string[] To, string[]? Cc = null);

/// <summary>
/// The mailbox behind the fake server: answers the few Graph queries GraphMailbox makes the way
/// Graph documents them (filters, $search, $select, $top and @odata.nextLink paging), and 400s the rest.
/// <see cref="Intercept"/> lets a test answer first (throttling, errors, hangs).
/// </summary>
public sealed partial class FakeGraph
{
    public const string Me = "ann@lee.example";

    public List<FakeMessage> Received { get; } = [];
    public List<FakeMessage> Sent { get; } = [];
    public HashSet<string> Contacts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The server's own page size, as when Graph pages below $top (Prefer: odata.maxpagesize).</summary>
    public int PageSize { get; set; } = 100;

    public Func<FakeRequest, FakeResponse?>? Intercept { get; set; }

    public string BaseUrl { get; set; } = "";

    public void AddTwoWay(string who, string conversationId)
    {
        Received.Add(new FakeMessage($"in-{Received.Count}-{who}", conversationId, who, [Me]));
        Sent.Add(new FakeMessage($"out-{Sent.Count}-{who}", conversationId, Me, [who]));
    }

    public FakeResponse Answer(FakeRequest request)
    {
        if (Intercept?.Invoke(request) is { } intercepted)
            return intercepted;
        return (request.Method, request.Path) switch
        {
            ("GET", "/v1.0/me/messages") => Messages(request, Received.Concat(Sent)),
            ("GET", "/v1.0/me/mailFolders/sentitems/messages") => Messages(request, Sent),
            ("GET", "/v1.0/me/contacts") => ContactsAnswer(request),
            ("GET", "/v1.0/organization") => FakeResponse.Json(new JsonObject { ["value"] = new JsonArray(Fixtures.Json("organization-get.json")) }),
            _ => FakeResponse.Error(404, "ResourceNotFound", $"Resource not found for the segment '{request.Path}'."),
        };
    }

    private FakeResponse Messages(FakeRequest request, IEnumerable<FakeMessage> folder)
    {
        IEnumerable<FakeMessage> matches;
        if (request["$filter"] is { } filter)
        {
            if (FromFilter().Match(filter) is { Success: true } from)
                matches = folder.Where(m => Same(m.From, Literal(from)));
            else if (ToFilter().IsMatch(filter))
                // What Graph answers to this lambda on messages (microsoft-graph-explorer-v4 #3957, reproduced
                // by its maintainers): the filter is refused, whatever the mailbox holds.
                return FakeResponse.Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            else
                return FakeResponse.Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        }
        else if (request["$search"] is { } search && RecipientsSearch().Match(search) is { Success: true } kql)
        {
            string who = kql.Groups["value"].Value;
            matches = folder.Where(m => m.To.Concat(m.Cc ?? []).Any(a => Same(a, who)));
        }
        else
        {
            matches = folder;
        }

        int top = int.Parse(request["$top"] ?? "10", CultureInfo.InvariantCulture);
        int skip = int.Parse(request["$skip"] ?? "0", CultureInfo.InvariantCulture);
        int size = Math.Min(top, PageSize);
        FakeMessage[] all = matches.ToArray();
        var page = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages",
            ["value"] = new JsonArray(all.Skip(skip).Take(size).Select(m => Project(m, request["$select"])).ToArray()),
        };
        if (skip + size < all.Length)
        {
            // Like Graph: the next link repeats the query and moves $skip on.
            IEnumerable<string> next = request.Query.Where(q => q.Key != "$skip")
                .Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}")
                .Append($"$skip={skip + size}");
            page["@odata.nextLink"] = $"{BaseUrl}{request.Path["/v1.0".Length..]}?{string.Join('&', next)}";
        }
        return FakeResponse.Json(page);
    }

    /// <summary>The documented message shape (message-get.json) with this message's fields, cut to $select.</summary>
    private static JsonObject Project(FakeMessage message, string? select)
    {
        JsonObject json = Fixtures.Json("message-get.json").AsObject();
        json["id"] = message.Id;
        json["conversationId"] = message.ConversationId;
        json["from"] = Recipient(message.From);
        json["sender"] = Recipient(message.From);
        json["toRecipients"] = new JsonArray(message.To.Select(Recipient).ToArray());
        json["ccRecipients"] = new JsonArray((message.Cc ?? []).Select(Recipient).ToArray());
        if (select is null)
            return json;
        HashSet<string> wanted = [.. select.Split(','), "@odata.etag"];
        foreach (string name in json.Select(p => p.Key).ToArray())
        {
            if (!wanted.Contains(name))
                json.Remove(name);
        }
        return json;
    }

    private static JsonNode Recipient(string address) =>
        new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = address.Split('@')[0], ["address"] = address } };

    private FakeResponse ContactsAnswer(FakeRequest request)
    {
        if (request["$filter"] is not { } filter || ContactFilter().Match(filter) is not { Success: true } match)
            return FakeResponse.Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
        return Contacts.Contains(Literal(match))
            ? new FakeResponse(200, Fixtures.Text("user-list-contacts.json"))
            : FakeResponse.Json(new JsonObject { ["value"] = new JsonArray() });
    }

    /// <summary>The OData string literal's value: '' is one quote.</summary>
    private static string Literal(Match match) => match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    // A literal is quotes around anything where a lone quote cannot appear (only doubled ones).
    [GeneratedRegex(@"^from/emailAddress/address eq '(?<value>(?:[^']|'')*)'$")]
    private static partial Regex FromFilter();

    [GeneratedRegex(@"^toRecipients/any\(r:r/emailAddress/address eq '(?<value>(?:[^']|'')*)'\)$")]
    private static partial Regex ToFilter();

    [GeneratedRegex(@"^emailAddresses/any\(a:a/address eq '(?<value>(?:[^']|'')*)'\)$")]
    private static partial Regex ContactFilter();

    [GeneratedRegex("^\"recipients:(?<value>[^\"]*)\"$")]
    private static partial Regex RecipientsSearch();
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Graph;
using OutreachAdvisor.Graph.SentItems;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>
/// The report's Graph source against the fake Graph server, serving the published delta rounds
/// (Fixtures/message-delta-*.json): paging by @odata.nextLink, the @odata.deltaLink kept per owner and
/// folder, the next run starting from it, @removed entries, an expired link, errors, app-only paths.
/// </summary>
[TestClass]
public sealed class SentItemsDeltaTests : IDisposable
{
    private const string Owner = "tenant.owner";
    private const string SentFolderId = "AQMkADNkNAAAgEMAAAA"; // the folder id in the published links
    private static readonly DateTimeOffset FirstSync = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MailDate = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private FakeGraphServer _server = null!;
    private HttpClient _http = null!;
    private readonly ConcurrentQueue<HttpRequestMessage> _sentRequests = new();
    private readonly MemoryDeltaLinks _links = new();
    private readonly Clock _clock = new(FirstSync);
    private string? _firstRoundSelect;

    /// <summary>Answers before the delta fake when set (errors, expired links).</summary>
    private Func<FakeRequest, FakeResponse?>? _intercept;

    [TestInitialize]
    public async Task StartAsync()
    {
        _server = await FakeGraphServer.StartAsync(Answer);
        _http = new HttpClient(new Recorder(_sentRequests) { InnerHandler = new HttpClientHandler() });
    }

    [TestCleanup]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    public void Dispose() => _http?.Dispose();

    private GraphReportMailSource Source(GraphReportSourceOptions? options = null) =>
        new(new GraphServiceClient(_http, new FakeTokenProvider(), _server.BaseUrl), Owner, options, _links, _clock);

    private static async Task<List<ReportMail>> ReadAllAsync(GraphReportMailSource source, DateTimeOffset since)
    {
        var mail = new List<ReportMail>();
        await foreach (ReportMail message in source.ReadAsync(since, CancellationToken.None))
            mail.Add(message);
        return mail;
    }

    [TestMethod]
    public async Task The_first_run_pages_through_both_folders_and_keeps_the_delta_links_only_when_committed()
    {
        GraphReportMailSource source = Source();

        List<ReportMail> mail = await ReadAllAsync(source, MailDate.AddDays(-7));

        ReportMail[] sent = mail.Where(m => m.Body is not null).ToArray();
        CollectionAssert.AreEqual(
            new[] { "AAMkADNkNAAASq35xAAA=", "AQMkADNkNAAAVRMKAAAAA==", "AQMkADNkNAAAgWkAAAA", "AQMkADNkNAAAgWJAAAA", "AAMkADk0MGFkODE3LWEAAA=" },
            sent.Select(m => m.Id).ToArray(), "three pages of sent items, in order");
        Assert.AreEqual("danas@contoso.com", sent[0].From.Address, "from falls back to sender");
        Assert.AreEqual("Holiday hours update", sent[0].Subject);
        Assert.AreEqual("Text of AAMkADNkNAAASq35xAAA=", sent[0].Body);
        Assert.AreEqual(MailDate, sent[0].Date);
        ReportMail reply = mail.Single(m => m.Body is null);
        Assert.AreEqual("inbox-reply-1", reply.Id);
        Assert.AreEqual("conv-AAMkADNkNAAASq35xAAA=", reply.ConversationId);

        // First requests: $select (body for sent items only), the since filter, Prefer headers.
        FakeRequest firstSent = _server.Requests.First(r => Is(r, "/v1.0/me/mailFolders/sentitems/messages/delta"));
        StringAssert.Contains(firstSent["$select"], "body");
        Assert.AreEqual("receivedDateTime ge 2026-11-13T10:00:00Z", firstSent["$filter"]);
        FakeRequest firstInbox = _server.Requests.First(r => Is(r, "/v1.0/me/mailFolders/inbox/messages/delta"));
        Assert.DoesNotContain("body", firstInbox["$select"]!.Split(','));
        HttpRequestMessage sentHttp = _sentRequests.First(r => r.RequestUri!.AbsolutePath.Contains("/sentitems/messages/delta", StringComparison.Ordinal));
        CollectionAssert.IsSubsetOf(new[] { "odata.maxpagesize=50", "outlook.body-content-type=\"text\"" }, sentHttp.Headers.GetValues("Prefer").ToArray());
        HttpRequestMessage inboxHttp = _sentRequests.First(r => r.RequestUri!.AbsolutePath.Contains("/inbox/messages/delta", StringComparison.Ordinal));
        CollectionAssert.DoesNotContain(inboxHttp.Headers.GetValues("Prefer").ToArray(), "outlook.body-content-type=\"text\"");
        // The next links were followed as given (the state is in the $skiptoken).
        Assert.AreEqual(2, _server.Requests.Count(r => r["$skiptoken"] is not null));

        Assert.IsEmpty(_links.Saved, "nothing is stored before the report is");
        await source.CommitAsync(CancellationToken.None);
        StringAssert.EndsWith(_links.Saved[(Owner, "sentitems")].Link, "$deltatoken=GwcBoTmPuoGNlgXgF1nyUNMXY");
        StringAssert.StartsWith(_links.Saved[(Owner, "sentitems")].Link, _server.BaseUrl);
        Assert.AreEqual(FirstSync, _links.Saved[(Owner, "sentitems")].SyncedAt);
        StringAssert.EndsWith(_links.Saved[(Owner, "inbox")].Link, "$deltatoken=inbox-1");
        Assert.IsFalse(source.Incremental["sentitems"]);
    }

    [TestMethod]
    public async Task The_next_run_starts_from_the_stored_links_and_skips_removed_and_old_changed_messages()
    {
        GraphReportMailSource first = Source();
        await ReadAllAsync(first, MailDate.AddDays(-7));
        await first.CommitAsync(CancellationToken.None);
        int before = _server.Requests.Count;
        _clock.Now = FirstSync.AddDays(7);

        GraphReportMailSource second = Source();
        List<ReportMail> mail = await ReadAllAsync(second, FirstSync);

        FakeRequest[] requests = _server.Requests.Skip(before).ToArray();
        Assert.HasCount(2, requests);
        Assert.AreEqual("GwcBoTmPuoGNlgXgF1nyUNMXY", requests[0]["$deltatoken"]);
        Assert.IsNull(requests[0]["$filter"], "a delta link gets no new query options");
        Assert.AreEqual("inbox-1", requests[1]["$deltatoken"]);
        // Round 2: one message removed, one changed (read) that was sent before the period: neither is reported.
        Assert.IsEmpty(mail.Where(m => m.Body is not null).ToArray());
        CollectionAssert.AreEqual(new[] { "AAMkADk0MGFkODE3LWE4MmYtNDRhOS0Dh_6qB-pB2Sa2pUum19a6YAAKnLuxoAAA=" }, second.Removed.ToArray());
        Assert.IsTrue(second.Incremental["sentitems"]);
        Assert.AreEqual("inbox-reply-2", mail.Single().Id, "the inbox's new reply");
        await second.CommitAsync(CancellationToken.None);
        Assert.AreEqual(FirstSync.AddDays(7), _links.Saved[(Owner, "sentitems")].SyncedAt);
    }

    [TestMethod]
    public async Task A_report_starting_well_before_the_last_sync_reads_a_full_round_instead_of_the_link()
    {
        _links.Saved[(Owner, "sentitems")] = new DeltaLinkState($"{_server.BaseUrl}/me/mailfolders('{SentFolderId}')/messages/delta?$deltatoken=GwcBoTmPuoGNlgXgF1nyUNMXY", FirstSync);

        List<ReportMail> mail = await ReadAllAsync(Source(), FirstSync.AddDays(-30));

        Assert.IsFalse(_server.Requests.Any(r => r["$deltatoken"] == "GwcBoTmPuoGNlgXgF1nyUNMXY"));
        Assert.AreEqual(5, mail.Count(m => m.Body is not null));
    }

    [TestMethod]
    public async Task An_expired_delta_link_410_restarts_with_a_full_round()
    {
        _links.Saved[(Owner, "sentitems")] = new DeltaLinkState($"{_server.BaseUrl}/me/mailfolders('{SentFolderId}')/messages/delta?$deltatoken=expired", FirstSync);
        _intercept = r => r["$deltatoken"] == "expired"
            ? FakeResponse.Error(410, "SyncStateNotFound", "The sync state generation is not found.")
            : null;

        GraphReportMailSource source = Source();
        List<ReportMail> mail = await ReadAllAsync(source, FirstSync);

        Assert.AreEqual(1, _server.Requests.Count(r => Is(r, "/v1.0/me/mailFolders/sentitems/messages/delta")), "one fresh first round");
        Assert.IsFalse(source.Incremental["sentitems"]);
        Assert.IsEmpty(mail.Where(m => m.Body is not null).ToArray(), "everything is older than the period");
    }

    [TestMethod]
    public async Task A_410_on_a_next_link_in_the_middle_of_a_round_restarts_the_round_once()
    {
        int refused = 0;
        // The second page's state expires once, while the round is being read.
        _intercept = r => r["$skiptoken"] == "GwcBoTmPuoTQWfcsAbkYM" && Interlocked.Increment(ref refused) == 1
            ? FakeResponse.Error(410, "SyncStateNotFound", "The sync state generation is not found.")
            : null;

        GraphReportMailSource source = Source();
        List<ReportMail> mail = await ReadAllAsync(source, MailDate.AddDays(-7));

        Assert.AreEqual(2, _server.Requests.Count(r => Is(r, "/v1.0/me/mailFolders/sentitems/messages/delta")), "the round started again");
        CollectionAssert.AreEqual(
            new[] { "AAMkADNkNAAASq35xAAA=", "AQMkADNkNAAAVRMKAAAAA==", "AQMkADNkNAAAgWkAAAA", "AQMkADNkNAAAgWJAAAA", "AAMkADk0MGFkODE3LWEAAA=" },
            mail.Where(m => m.Body is not null).Select(m => m.Id).ToArray(), "every message once, none lost or doubled");
        await source.CommitAsync(CancellationToken.None);
        StringAssert.EndsWith(_links.Saved[(Owner, "sentitems")].Link, "$deltatoken=GwcBoTmPuoGNlgXgF1nyUNMXY");
    }

    [TestMethod]
    public async Task A_second_410_in_the_restarted_round_is_a_failure_not_a_loop()
    {
        _intercept = r => r["$skiptoken"] == "GwcBoTmPuoTQWfcsAbkYM"
            ? FakeResponse.Error(410, "SyncStateNotFound", "The sync state generation is not found.")
            : null;

        GraphReportSourceException error = await Assert.ThrowsExactlyAsync<GraphReportSourceException>(() => ReadAllAsync(Source(), MailDate.AddDays(-7)));

        StringAssert.Contains(error.Message, "410");
        Assert.AreEqual(2, _server.Requests.Count(r => Is(r, "/v1.0/me/mailFolders/sentitems/messages/delta")), "one restart, then the error");
    }

    [TestMethod]
    [DataRow(429, true)]
    [DataRow(503, true)]
    [DataRow(403, false)]
    [DataRow(404, false)]
    public async Task Graph_errors_say_whether_a_retry_may_help(int status, bool transient)
    {
        _intercept = r => r["$skiptoken"] is not null ? FakeResponse.Error(status, "Error" + status, "Graph said no.") : null;

        GraphReportSourceException error = await Assert.ThrowsExactlyAsync<GraphReportSourceException>(() => ReadAllAsync(Source(), MailDate.AddDays(-7)));

        Assert.AreEqual(transient, error.IsTransient);
        StringAssert.StartsWith(error.Message, $"Graph's sentitems delta failed with {status} (Error{status}: Graph said no.)");
        await Source().CommitAsync(CancellationToken.None);
        Assert.IsEmpty(_links.Saved, "a failed read stores no link");
    }

    [TestMethod]
    public async Task App_only_reads_the_users_mailbox_by_id_and_bodies_can_be_left_out()
    {
        var options = new GraphReportSourceOptions { UserId = "99999999-8888-7777-6666-555555555555", ReadSentBodies = false };

        List<ReportMail> mail = await ReadAllAsync(Source(options), MailDate.AddDays(-7));

        FakeRequest first = _server.Requests.First();
        Assert.IsTrue(Is(first, "/v1.0/users/99999999-8888-7777-6666-555555555555/mailFolders/sentitems/messages/delta"), first.Path);
        Assert.DoesNotContain("body", first["$select"]!.Split(','));
        Assert.IsTrue(mail.All(m => m.Body is null));
        Assert.AreEqual(6, mail.Count);
    }

    /// <summary>The SDK writes the function as <c>delta()</c>; the published links as <c>delta</c>.</summary>
    private static bool Is(FakeRequest request, string path) => request.Path == path || request.Path == path + "()";

    // ---- the fake: published delta pages, links rewritten to this server, fields the report needs added ----

    private FakeResponse Answer(FakeRequest request)
    {
        if (_intercept?.Invoke(request) is { } intercepted)
            return intercepted;
        // The SDK calls the function as delta(); Graph takes both spellings.
        string path = request.Path.EndsWith("()", StringComparison.Ordinal) ? request.Path[..^2] : request.Path;
        if (!path.EndsWith("/messages/delta", StringComparison.Ordinal))
            return FakeResponse.Error(404, "ResourceNotFound", $"Resource not found for the segment '{request.Path}'.");

        bool inbox = path.Contains("/mailFolders/inbox/", StringComparison.Ordinal) || path.Contains("('inbox-id')", StringComparison.Ordinal);
        if (inbox)
            return InboxAnswer(request);

        string? fixture = (request["$skiptoken"], request["$deltatoken"]) switch
        {
            (null, null) when path.EndsWith("/mailFolders/sentitems/messages/delta", StringComparison.Ordinal) => "message-delta-round1-page1-nextlink.json",
            ("GwcBoTmPKILK4jLH7mAd1lLU", _) => "message-delta-round1-page3-deltalink.json",
            ("GwcBoTmPuoTQWfcsAbkYM", _) => "message-delta-round1-page2-nextlink.json",
            (_, "GwcBoTmPuoGNlgXgF1nyUNMXY") => "message-delta-round2-deltalink-removed.json",
            _ => null,
        };
        if (fixture is null)
            return FakeResponse.Error(400, "BadRequest", "Unknown delta state.");
        if (request["$select"] is { } select)
            _firstRoundSelect = select;
        JsonNode page = JsonNode.Parse(Fixtures.Text(fixture).Replace("https://graph.microsoft.com/v1.0", _server.BaseUrl, StringComparison.Ordinal))!;
        foreach (JsonNode? message in page["value"]!.AsArray())
            Complete(message!.AsObject(), sent: true);
        return FakeResponse.Json(page);
    }

    /// <summary>The inbox: one reply in the first round, one more in the next.</summary>
    private FakeResponse InboxAnswer(FakeRequest request)
    {
        string? token = request["$deltatoken"];
        string id = token is null ? "inbox-reply-1" : "inbox-reply-2";
        DateTimeOffset received = token is null ? MailDate.AddDays(1) : FirstSync.AddDays(2);
        var message = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.message",
            ["id"] = id,
            ["subject"] = "RE: Holiday hours update",
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Prospect", ["address"] = "prospect@shape.example" } },
            ["receivedDateTime"] = received.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["conversationId"] = "conv-AAMkADNkNAAASq35xAAA=",
        };
        if (request["$select"] is { } select)
        {
            foreach (string name in message.Select(p => p.Key).Where(n => n != "@odata.type" && !select.Split(',').Contains(n)).ToArray())
                message.Remove(name);
        }
        return FakeResponse.Json(new JsonObject
        {
            ["value"] = new JsonArray(message),
            ["@odata.deltaLink"] = $"{_server.BaseUrl}/me/mailfolders('inbox-id')/messages/delta?$deltatoken={(token is null ? "inbox-1" : "inbox-2")}",
        });
    }

    /// <summary>Adds what the published sample leaves out, then cuts to the first round's $select (as Graph keeps it).</summary>
    private void Complete(JsonObject message, bool sent)
    {
        if (message.ContainsKey("@removed"))
            return;
        string id = message["id"]!.GetValue<string>();
        string date = MailDate.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        message["sentDateTime"] = date;
        message["receivedDateTime"] = date;
        message["conversationId"] = "conv-" + id;
        message["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Prospect", ["address"] = "prospect@shape.example" } });
        if (sent)
            message["body"] = new JsonObject { ["contentType"] = "text", ["content"] = "Text of " + id };
        string[] wanted = [.. (_firstRoundSelect ?? "").Split(','), "@odata.type", "@odata.etag", "id"];
        foreach (string name in message.Select(p => p.Key).Where(n => !wanted.Contains(n)).ToArray())
            message.Remove(name);
    }

    [TestMethod]
    public async Task The_owner_address_is_the_sender_of_the_newest_sent_message()
    {
        FakeRequest? asked = null;
        _intercept = request =>
        {
            if (request.Path != "/v1.0/me/mailFolders/sentitems/messages")
                return null;
            asked = request;
            return FakeResponse.Json(JsonNode.Parse("""{"value":[{"id":"m1","from":{"emailAddress":{"name":"Ann Lee","address":"ann@lee.example"}}}]}""")!);
        };

        Assert.AreEqual("ann@lee.example", await Source().FindOwnerAddressAsync(CancellationToken.None));
        Assert.AreEqual("1", asked!["$top"]);
        Assert.AreEqual("from", asked["$select"]);
    }

    [TestMethod]
    public async Task An_empty_sent_items_names_no_owner()
    {
        _intercept = request => request.Path == "/v1.0/me/mailFolders/sentitems/messages" ? FakeResponse.Json(JsonNode.Parse("""{"value":[]}""")!) : null;
        Assert.IsNull(await Source().FindOwnerAddressAsync(CancellationToken.None));
    }

    private sealed class MemoryDeltaLinks : IDeltaLinkStore
    {
        public Dictionary<(string Owner, string Folder), DeltaLinkState> Saved { get; } = [];

        public Task<DeltaLinkState?> GetAsync(string owner, string folder, CancellationToken cancellationToken) =>
            Task.FromResult(Saved.TryGetValue((owner, folder), out DeltaLinkState? state) ? state : null);

        public Task SaveAsync(string owner, string folder, DeltaLinkState state, CancellationToken cancellationToken)
        {
            Saved[(owner, folder)] = state;
            return Task.CompletedTask;
        }

        public Task DeleteAsync(string owner, string folder, CancellationToken cancellationToken)
        {
            Saved.Remove((owner, folder));
            return Task.CompletedTask;
        }
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Keeps each request's headers (the fake server records only Authorization).</summary>
    private sealed class Recorder(ConcurrentQueue<HttpRequestMessage> requests) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

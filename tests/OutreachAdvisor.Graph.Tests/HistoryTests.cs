using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph.Tests;

[TestClass]
public sealed class HistoryTests
{
    private const string Jane = "jane@shape.example";
    private static readonly string[] HeaderFields = ["id", "conversationId", "from", "toRecipients", "ccRecipients", "sentDateTime", "receivedDateTime"];

    /// <summary>Sent items read by $search (Mail.Read): the tests below count SentTo and shared threads.</summary>
    private static readonly GraphMailboxOptions SentSearch = new() { SentItemsQuery = SentItemsQuery.RecipientsSearch };

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task Two_way_contact_counts_sent_received_and_shared_threads()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(Jane, "conv-A");
        host.Graph.Received.Add(new FakeMessage("in-x", "conv-B", Jane, [FakeGraph.Me]));
        host.Graph.Sent.Add(new FakeMessage("out-x", "conv-C", FakeGraph.Me, ["bob@else.example"], Cc: [Jane]));
        host.Graph.Sent.Add(new FakeMessage("out-y", "conv-D", FakeGraph.Me, ["bob@else.example"]));

        RecipientHistory history = await host.Mailbox(SentSearch).GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        // The search finds conv-A and conv-C (Jane on Cc); only conv-A is a thread where both wrote.
        Assert.AreEqual(new RecipientHistory(SentTo: 2, ReceivedFrom: 2, TwoWayThreads: 1), history);
        Assert.IsTrue(history.HasTwoWayContact);
    }

    [TestMethod]
    public async Task Sent_only_is_contact_but_not_two_way()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Sent.Add(new FakeMessage("out-1", "conv-1", FakeGraph.Me, [Jane]));
        host.Graph.Sent.Add(new FakeMessage("out-2", "conv-2", FakeGraph.Me, [Jane, "bob@else.example"]));

        RecipientHistory history = await host.Mailbox(SentSearch).GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(new RecipientHistory(2, 0, 0), history);
        Assert.IsTrue(history.HasAnyContact);
        Assert.IsFalse(history.HasTwoWayContact);
    }

    [TestMethod]
    public async Task Received_only_is_two_way_contact()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Received.Add(new FakeMessage("in-1", "conv-1", Jane, [FakeGraph.Me]));

        RecipientHistory history = await host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(new RecipientHistory(0, 1, 0), history);
        Assert.IsTrue(history.HasTwoWayContact);
    }

    [TestMethod]
    public async Task No_contact_is_none()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay("someone@else.example", "conv-1");

        RecipientHistory history = await host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(RecipientHistory.None, history);
    }

    [TestMethod]
    public async Task Queries_filter_by_address_and_select_headers_only()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();

        // The To filter is still built as documented when a tenant opts into it (Graph then refuses it).
        await host.Mailbox(new GraphMailboxOptions { SentItemsQuery = SentItemsQuery.ToRecipientsFilter }).GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        FakeRequest received = host.To("/me/messages").Single();
        FakeRequest sent = host.To("/me/mailFolders/sentitems/messages").Single();
        Assert.AreEqual("from/emailAddress/address eq 'jane@shape.example'", received["$filter"]);
        Assert.AreEqual("toRecipients/any(r:r/emailAddress/address eq 'jane@shape.example')", sent["$filter"]);
        foreach (FakeRequest request in new[] { received, sent })
        {
            CollectionAssert.AreEquivalent(HeaderFields, request["$select"]!.Split(','));
            StringAssert.DoesNotMatch(request["$select"]!, new System.Text.RegularExpressions.Regex("body|Body|uniqueBody"));
            Assert.AreEqual("50", request["$top"]);
        }
    }

    [TestMethod]
    public async Task Every_http_request_carries_the_bearer_token()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        GraphMailbox mailbox = host.Mailbox();

        await mailbox.GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);
        await mailbox.IsContactAsync(Jane, TestContext.CancellationToken);
        await mailbox.GetOrganizationDomainsAsync(FakeGraph.Me, TestContext.CancellationToken);

        FakeRequest[] http = host.Server.HttpRequests.ToArray();
        Assert.HasCount(3, http);
        Assert.IsTrue(http.All(r => r.Authorization == "Bearer " + FakeTokenProvider.Token), string.Join(", ", http.Select(r => r.Authorization)));
    }

    [TestMethod]
    public async Task Address_with_an_apostrophe_is_escaped_in_the_filter()
    {
        const string OBrien = "o'brien@x.example";
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(OBrien, "conv-1");

        RecipientHistory history = await host.Mailbox(SentSearch).GetHistoryAsync(FakeGraph.Me, OBrien, TestContext.CancellationToken);

        Assert.AreEqual("from/emailAddress/address eq 'o''brien@x.example'", host.To("/me/messages").Single()["$filter"]);
        Assert.AreEqual(new RecipientHistory(1, 1, 1), history);
    }

    [TestMethod]
    public async Task Paging_follows_next_links_and_stops_at_the_cap()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.PageSize = 2;
        for (int i = 0; i < 7; i++)
            host.Graph.Received.Add(new FakeMessage($"in-{i}", $"conv-{i}", Jane, [FakeGraph.Me]));

        RecipientHistory history = await host.Mailbox(new GraphMailboxOptions { MaxMessagesPerQuery = 5 })
            .GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(5, history.ReceivedFrom);
        var pages = host.To("/me/messages");
        // First page in the batch, then pages 2 and 3 by their next links; never page 4.
        Assert.HasCount(3, pages);
        CollectionAssert.AreEqual(new[] { null, "2", "4" }, pages.Select(p => p["$skip"]).ToArray());
        Assert.IsTrue(pages.Skip(1).All(p => !p.InBatch && p["$filter"] == "from/emailAddress/address eq 'jane@shape.example'"));
    }

    [TestMethod]
    public async Task Several_recipients_share_one_batch_and_answers_are_cached()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(Jane, "conv-1");
        host.Graph.Sent.Add(new FakeMessage("out-bob", "conv-2", FakeGraph.Me, ["bob@else.example"]));
        GraphMailbox mailbox = host.Mailbox(SentSearch);

        IReadOnlyList<RecipientHistory> histories = await mailbox.GetHistoriesAsync(
            FakeGraph.Me, [Jane, "bob@else.example", "nobody@else.example"], TestContext.CancellationToken);
        RecipientHistory again = await mailbox.GetHistoryAsync(FakeGraph.Me, " JANE@shape.example ", TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { new RecipientHistory(1, 1, 1), new RecipientHistory(1, 0, 0), RecipientHistory.None }, histories.ToArray());
        Assert.AreEqual(histories[0], again);
        FakeRequest single = host.Server.HttpRequests.Single();
        Assert.AreEqual("/v1.0/$batch", single.Path);
        Assert.AreEqual(6, host.Server.Requests.Count(r => r.InBatch));
        // The token travels once, on the $batch request, not copied into each step's headers.
        Assert.AreEqual("Bearer " + FakeTokenProvider.Token, single.Authorization);
        Assert.IsTrue(host.Server.Requests.Where(r => r.InBatch).All(r => r.Authorization is null));
    }

    [TestMethod]
    public async Task Without_batching_each_query_is_its_own_request()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(Jane, "conv-1");

        RecipientHistory history = await host.Mailbox(SentSearch with { UseJsonBatch = false })
            .GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(new RecipientHistory(1, 1, 1), history);
        Assert.HasCount(2, host.Server.HttpRequests.ToArray());
        Assert.IsFalse(host.Server.Requests.Any(r => r.InBatch || r.Path.EndsWith("$batch", StringComparison.Ordinal)));
    }

    [TestMethod]
    public async Task Recipients_search_finds_cc_too()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Sent.Add(new FakeMessage("out-1", "conv-1", FakeGraph.Me, ["bob@else.example"], Cc: [Jane]));

        RecipientHistory history = await host.Mailbox(new GraphMailboxOptions { SentItemsQuery = SentItemsQuery.RecipientsSearch })
            .GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        FakeRequest sent = host.To("/me/mailFolders/sentitems/messages").Single();
        Assert.AreEqual("\"recipients:jane@shape.example\"", sent["$search"]);
        Assert.IsNull(sent["$filter"]);
        Assert.AreEqual(1, history.SentTo);
    }
}

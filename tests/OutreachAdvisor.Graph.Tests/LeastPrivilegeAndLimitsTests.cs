using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph.Tests;

/// <summary>
/// Issue 15.11: Graph requests real tenants refuse or throttle. The sent-items lambda filter is refused
/// (the fake answers it with Graph's documented ErrorInvalidUrlQueryFilter), so two-way contact comes from
/// what Mail.ReadBasic can query; a failed step degrades the answer; at most 4 requests are in flight per mailbox.
/// </summary>
[TestClass]
public sealed class LeastPrivilegeAndLimitsTests
{
    private const string Jane = "jane@shape.example";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task By_default_sent_items_are_not_queried_and_a_reply_makes_two_way_contact()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(Jane, "conv-A");

        RecipientHistory history = await host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.IsTrue(history.HasTwoWayContact, "someone who wrote to you is not cold");
        Assert.AreEqual(1, history.ReceivedFrom);
        Assert.AreEqual(0, history.SentTo, "sent items are not read: a sent-only history looks like none");
        Assert.IsEmpty(host.To("/me/mailFolders/sentitems/messages"), "no sent-items query at all");
    }

    [TestMethod]
    public async Task Sent_only_history_cannot_be_told_from_none_and_both_are_cold()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Sent.Add(new FakeMessage("out-1", "conv-1", FakeGraph.Me, [Jane]));

        RecipientHistory history = await host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(RecipientHistory.None, history);
        Assert.IsFalse(history.HasTwoWayContact);
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task A_refused_to_recipients_filter_degrades_the_history_instead_of_failing_it(bool batched)
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(Jane, "conv-A");
        var options = new GraphMailboxOptions { SentItemsQuery = SentItemsQuery.ToRecipientsFilter, UseJsonBatch = batched };

        RecipientHistory history = await host.Mailbox(options).GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.IsNotEmpty(host.To("/me/mailFolders/sentitems/messages"), "the filter was sent, and refused");
        Assert.AreEqual(new RecipientHistory(SentTo: 0, ReceivedFrom: 1, TwoWayThreads: 0), history);
        Assert.IsTrue(history.HasTwoWayContact, "engage-before-asking still has its answer");
    }

    [TestMethod]
    public async Task A_failed_later_page_keeps_what_the_first_pages_showed()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.PageSize = 2;
        for (int i = 0; i < 5; i++)
            host.Graph.Received.Add(new FakeMessage($"in-{i}", $"conv-{i}", Jane, [FakeGraph.Me]));
        host.Graph.Intercept = r => r["$skip"] is not null ? FakeResponse.Error(500, "InternalServerError", "Something went wrong.") : null;

        RecipientHistory history = await host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(2, history.ReceivedFrom, "the first page's two messages, at least");
        Assert.IsTrue(history.HasTwoWayContact);
    }

    [TestMethod]
    public async Task A_failed_received_from_query_still_fails_the_history()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = r => r.Path == "/v1.0/me/messages" ? FakeResponse.Error(403, "ErrorAccessDenied", "Access is denied.") : null;

        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken));

        StringAssert.Contains(error.Message, "ErrorAccessDenied");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public async Task At_most_four_requests_are_in_flight_contact_look_ups_included(bool batched)
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Server.Latency = TimeSpan.FromMilliseconds(40);
        string[] recipients = Enumerable.Range(0, 12).Select(i => $"person{i}@shape.example").ToArray();
        var options = new GraphMailboxOptions { UseJsonBatch = batched, SentItemsQuery = SentItemsQuery.RecipientsSearch, Timeout = TimeSpan.FromSeconds(30) };
        GraphMailbox mailbox = host.Mailbox(options);

        // What the context stage does: histories, every contact and the organisation, all at once.
        Task histories = mailbox.GetHistoriesAsync(FakeGraph.Me, recipients, TestContext.CancellationToken);
        Task contacts = Task.WhenAll(recipients.Select(r => mailbox.IsContactAsync(r, TestContext.CancellationToken)));
        Task organization = mailbox.GetOrganizationDomainsAsync(FakeGraph.Me, TestContext.CancellationToken);
        await Task.WhenAll(histories, contacts, organization);

        Assert.AreEqual(12, host.To("/me/contacts").Length);
        Assert.IsLessThanOrEqualTo(GraphRequestGate.MaxConcurrent, host.Server.MaxInFlight, $"at most 4 at once, saw {host.Server.MaxInFlight}");
        Assert.IsGreaterThanOrEqualTo(2, host.Server.MaxInFlight, "requests still overlap");
    }

    [TestMethod]
    public async Task Two_mailboxes_of_one_user_share_the_four()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Server.Latency = TimeSpan.FromMilliseconds(40);
        using var gates = new GraphRequestGates();
        var options = new GraphMailboxOptions { UseJsonBatch = false, Timeout = TimeSpan.FromSeconds(30) };
        GraphMailbox first = new(host.Client, options, gates.For("tenant/user-1"));
        GraphMailbox second = new(host.Client, options, gates.For("tenant/user-1"));

        await Task.WhenAll(Enumerable.Range(0, 8).SelectMany(i => new[]
        {
            first.IsContactAsync($"a{i}@x.example", TestContext.CancellationToken),
            second.IsContactAsync($"b{i}@x.example", TestContext.CancellationToken),
        }));

        Assert.IsLessThanOrEqualTo(GraphRequestGate.MaxConcurrent, host.Server.MaxInFlight);
    }
}

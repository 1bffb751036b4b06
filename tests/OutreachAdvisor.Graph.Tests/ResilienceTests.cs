using System.Diagnostics;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph.Tests;

[TestClass]
public sealed class ResilienceTests
{
    private const string Jane = "jane@shape.example";

    public TestContext TestContext { get; set; } = null!;

    /// <summary>The published 429 body; Retry-After is fractional as in the published sample (2.128), shortened to keep tests fast.</summary>
    private static FakeResponse Throttled(string retryAfter) =>
        new(429, Fixtures.Text("throttling-429.json"), new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    /// <summary>Answers the first <paramref name="times"/> matching requests with <paramref name="failure"/>, then lets the fake answer.</summary>
    private static Func<FakeRequest, FakeResponse?> FailFirst(string path, int times, FakeResponse failure)
    {
        int seen = 0;
        return request => request.Path == "/v1.0" + path && Interlocked.Increment(ref seen) <= times ? failure : null;
    }

    [TestMethod]
    public async Task Throttled_request_waits_the_fractional_retry_after_then_succeeds()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Contacts.Add(Jane);
        host.Graph.Intercept = FailFirst("/me/contacts", 1, Throttled("0.35"));

        var clock = Stopwatch.StartNew();
        bool found = await host.Mailbox().IsContactAsync(Jane, TestContext.CancellationToken);

        Assert.IsTrue(found);
        Assert.HasCount(2, host.To("/me/contacts"));
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(330), clock.Elapsed);
        // The SDK's own retry (3 s default for a fractional value) must not have kicked in.
        Assert.IsLessThan(TimeSpan.FromSeconds(2), clock.Elapsed);
    }

    [TestMethod]
    public async Task Service_unavailable_is_retried()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = FailFirst("/organization", 1, FakeResponse.Error(503, "serviceNotAvailable", "Try again."));

        IReadOnlyCollection<string> domains = await host.Mailbox(new GraphMailboxOptions { DefaultRetryDelay = TimeSpan.FromMilliseconds(50) })
            .GetOrganizationDomainsAsync(FakeGraph.Me, TestContext.CancellationToken);

        CollectionAssert.AreEqual(new[] { "contoso.com" }, domains.ToArray());
        Assert.HasCount(2, host.To("/organization"));
    }

    [TestMethod]
    public async Task Throttled_batch_step_is_sent_again_alone()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.AddTwoWay(Jane, "conv-1");
        host.Graph.Intercept = FailFirst("/me/mailFolders/sentitems/messages", 1, Throttled("0.1"));

        RecipientHistory history = await host.Mailbox(new GraphMailboxOptions { SentItemsQuery = SentItemsQuery.RecipientsSearch })
            .GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken);

        Assert.AreEqual(new RecipientHistory(1, 1, 1), history);
        Assert.AreEqual(2, host.Server.HttpRequests.Count(r => r.Path == "/v1.0/$batch"));
        Assert.HasCount(1, host.To("/me/messages"));
        Assert.HasCount(2, host.To("/me/mailFolders/sentitems/messages"));
    }

    [TestMethod]
    public async Task Retries_are_bounded()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = FailFirst("/me/contacts", int.MaxValue, Throttled("0.05"));

        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox(new GraphMailboxOptions { MaxRetries = 2 }).IsContactAsync(Jane, TestContext.CancellationToken));

        Assert.HasCount(3, host.To("/me/contacts"));
        StringAssert.Contains(error.Message, "HTTP 429");
    }

    [TestMethod]
    public async Task Retry_after_past_the_budget_fails_at_once()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = FailFirst("/me/contacts", int.MaxValue, Throttled("30"));

        var clock = Stopwatch.StartNew();
        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox().IsContactAsync(Jane, TestContext.CancellationToken));

        Assert.IsLessThan(TimeSpan.FromSeconds(2), clock.Elapsed);
        StringAssert.Contains(error.Message, "retry after 30 s");
    }

    [TestMethod]
    public async Task Not_found_is_a_one_line_error_naming_the_graph_error()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = FailFirst("/me/contacts", 1,
            FakeResponse.Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));

        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox().IsContactAsync(Jane, TestContext.CancellationToken));

        Assert.AreEqual(
            "contacts with jane@shape.example: Microsoft Graph answered HTTP 404 ErrorItemNotFound: The specified object was not found in the store.",
            error.Message);
    }

    [TestMethod]
    public async Task Failed_batch_step_fails_the_history_with_its_graph_error()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = FailFirst("/me/messages", 1, FakeResponse.Error(404, "ErrorItemNotFound", "Not found."));

        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox().GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken));

        Assert.AreEqual("messages from jane@shape.example: Microsoft Graph answered HTTP 404 ErrorItemNotFound: Not found.", error.Message);
    }

    [TestMethod]
    public async Task Server_error_is_not_retried_and_not_cached()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Contacts.Add(Jane);
        host.Graph.Intercept = FailFirst("/me/contacts", 1, FakeResponse.Error(500, "generalException", "An internal error occurred."));
        GraphMailbox mailbox = host.Mailbox();

        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(() => mailbox.IsContactAsync(Jane, TestContext.CancellationToken));
        bool later = await mailbox.IsContactAsync(Jane, TestContext.CancellationToken);

        StringAssert.Contains(error.Message, "HTTP 500");
        Assert.DoesNotContain('\n', error.Message);
        Assert.IsTrue(later);
        Assert.HasCount(2, host.To("/me/contacts"));
    }

    [TestMethod]
    public async Task Malformed_json_is_an_error()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = FailFirst("/organization", 1, new FakeResponse(200, "{\"value\": [ {\"verifiedDomains\": "));

        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox().GetOrganizationDomainsAsync(FakeGraph.Me, TestContext.CancellationToken));

        Assert.AreEqual("organization: Microsoft Graph sent a response that is not valid JSON", error.Message);
    }

    [TestMethod]
    [DataRow(true, DisplayName = "in a $batch")]
    [DataRow(false, DisplayName = "one request per query")]
    public async Task Server_that_never_answers_times_out_within_the_budget(bool batched)
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = _ => FakeResponse.Hang;

        var clock = Stopwatch.StartNew();
        GraphMailboxException error = await Assert.ThrowsExactlyAsync<GraphMailboxException>(
            () => host.Mailbox(new GraphMailboxOptions { Timeout = TimeSpan.FromMilliseconds(300), UseJsonBatch = batched })
                .GetHistoryAsync(FakeGraph.Me, Jane, TestContext.CancellationToken));

        Assert.IsLessThan(TimeSpan.FromSeconds(2), clock.Elapsed);
        Assert.IsInstanceOfType<TimeoutException>(error.InnerException);
        Assert.AreEqual("mail with jane@shape.example: Microsoft Graph did not answer within 0.3 s", error.Message);
    }

    [TestMethod]
    public async Task Caller_cancellation_is_passed_on_as_cancellation()
    {
        await using GraphTestHost host = await GraphTestHost.StartAsync();
        host.Graph.Intercept = _ => FakeResponse.Hang;
        using var caller = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAsync<OperationCanceledException>(
            () => host.Mailbox().IsContactAsync(Jane, caller.Token));
    }
}

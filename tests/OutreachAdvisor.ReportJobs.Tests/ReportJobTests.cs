using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>POST -> queue -> queue function -> table and blobs -> GET, with real Azure SDK clients against Azurite.</summary>
[TestClass]
public sealed class ReportJobTests : ReportHostTests
{
    private static string OwnerKey(Guid user) => $"{ReportTestHost.Tenant:D}.{user:D}";

    private async Task<(string Id, QueueMessage Message)> PostAndReceiveAsync(Guid user, string? key = null)
    {
        DefaultHttpContext post = await host.PostAsync(user, key: key);
        Assert.AreEqual(202, post.Response.StatusCode, Http.Text(post));
        string id = Http.Json(post)["id"]!.GetValue<string>();
        QueueMessage[] messages = await host.ReceiveAsync();
        Assert.HasCount(1, messages);
        return (id, messages[0]);
    }

    [TestMethod]
    public async Task Post_answers_202_with_Location_and_writes_the_row_and_the_queue_message()
    {
        DefaultHttpContext post = await host.PostAsync(Ann, """{ "since": "2026-10-01", "includeBodies": false }""");

        Assert.AreEqual(202, post.Response.StatusCode, Http.Text(post));
        JsonNode body = Http.Json(post);
        string id = body["id"]!.GetValue<string>();
        Assert.AreEqual($"/api/reports/{id}", post.Response.Headers.Location.ToString());
        Assert.AreEqual("queued", body["status"]!.GetValue<string>());
        Assert.AreEqual("2026-10-01", body["since"]!.GetValue<string>());

        TableEntity row = (await host.Storage.Reports.GetEntityAsync<TableEntity>(OwnerKey(Ann), id)).Value;
        Assert.AreEqual("queued", row.GetString("Status"));
        Assert.AreEqual("2026-10-01", row.GetString("Since"));
        Assert.IsTrue(row.GetBoolean("Enqueued"));
        Assert.AreEqual(host.Clock.Now, row.GetDateTimeOffset("Created"));

        // On the wire: base64 of the JSON, the queue trigger's default encoding.
        var raw = new Azure.Storage.Queues.QueueClient(AzuriteStorage.ConnectionString, host.Storage.Queue.Name);
        PeekedMessage wire = (await raw.PeekMessagesAsync(1)).Value.Single();
        JsonNode job = JsonNode.Parse(Convert.FromBase64String(wire.Body.ToString()))!;
        Assert.AreEqual(id, job["id"]!.GetValue<string>());
        Assert.AreEqual(OwnerKey(Ann), job["owner"]!.GetValue<string>());
        Assert.AreEqual("2026-10-01", job["since"]!.GetValue<string>());
        Assert.AreEqual(Ann, job["userId"]!.GetValue<Guid>());
        Assert.IsFalse(job["includeBodies"]!.GetValue<bool>());
        Assert.HasCount(1, await host.ReceiveAsync());
    }

    [TestMethod]
    public async Task The_same_Idempotency_Key_gives_the_same_report_one_row_and_one_message()
    {
        DefaultHttpContext first = await host.PostAsync(Ann, key: "retry-42");
        DefaultHttpContext second = await host.PostAsync(Ann, key: "retry-42");
        DefaultHttpContext other = await host.PostAsync(Ann, key: "another-request");

        Assert.AreEqual(202, second.Response.StatusCode);
        Assert.AreEqual(first.Response.Headers.Location.ToString(), second.Response.Headers.Location.ToString());
        Assert.AreNotEqual(first.Response.Headers.Location.ToString(), other.Response.Headers.Location.ToString());
        int rows = 0;
        await foreach (TableEntity _ in host.Storage.Reports.QueryAsync<TableEntity>(e => e.PartitionKey == OwnerKey(Ann)))
            rows++;
        Assert.AreEqual(2, rows);
        Assert.HasCount(2, await host.ReceiveAsync());
    }

    [TestMethod]
    public async Task Without_a_key_each_request_is_a_new_report()
    {
        DefaultHttpContext first = await host.PostAsync(Ann);
        DefaultHttpContext second = await host.PostAsync(Ann);
        Assert.AreNotEqual(first.Response.Headers.Location.ToString(), second.Response.Headers.Location.ToString());
    }

    [TestMethod]
    [DataRow("""{ "since": "2026-13-01" }""", "since")]
    [DataRow("""{ "since": "2027-01-01" }""", "since")]
    [DataRow("""{ "since": "2020-01-01" }""", "since")]
    [DataRow("""{ "since": 20261001 }""", "since")]
    [DataRow("""{ "includeBodies": "yes" }""", "includeBodies")]
    [DataRow("""{ "sinse": "2026-10-01" }""", "sinse")]
    [DataRow("""[ "2026-10-01" ]""", "body")]
    [DataRow("""{ "since": """, "body")]
    public async Task Bad_input_gets_a_400_problem_naming_the_field(string json, string field)
    {
        DefaultHttpContext post = await host.PostAsync(Ann, json);

        Assert.AreEqual(400, post.Response.StatusCode, Http.Text(post));
        Assert.AreEqual("application/problem+json", post.Response.ContentType);
        Assert.IsNotNull(Http.Json(post)["errors"]![field], Http.Text(post));
        Assert.IsEmpty(await host.ReceiveAsync());
    }

    [TestMethod]
    public async Task An_empty_body_takes_the_last_90_days()
    {
        DefaultHttpContext post = await host.PostAsync(Ann, json: null);
        Assert.AreEqual(202, post.Response.StatusCode, Http.Text(post));
        Assert.AreEqual("2026-08-28", Http.Json(post)["since"]!.GetValue<string>());
    }

    [TestMethod]
    public async Task The_queue_function_stores_the_report_blobs_and_summary_and_marks_it_done()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann);

        await host.Functions.RunJobAsync(message, CancellationToken.None);

        TableEntity row = (await host.Storage.Reports.GetEntityAsync<TableEntity>(OwnerKey(Ann), id)).Value;
        Assert.AreEqual("done", row.GetString("Status"));
        Assert.AreEqual(3, row.GetInt32("SentMessages"));
        Assert.AreEqual(3, row.GetInt32("OutreachMessages"));
        Assert.AreEqual(1, row.GetInt32("Replied"));
        Assert.AreEqual(1.0 / 3, row.GetDouble("ReplyRate")!.Value, 1e-9);
        Assert.AreEqual(70.5, row.GetDouble("AverageScore"));
        Assert.AreEqual(1, row.GetInt32("Attempts"));
        Assert.IsNull(row.GetString("Error"));
        Assert.AreEqual(4, host.Builder.LastMailRead);
        Assert.AreEqual(1, host.Mail.Commits, "delta links are kept once the report is stored");

        string[] blobs = await BlobNamesAsync();
        CollectionAssert.AreEquivalent(new[] { $"{OwnerKey(Ann)}/{id}.json", $"{OwnerKey(Ann)}/{id}.html" }, blobs);
        BlobProperties json = (await host.Storage.Blobs.GetBlobClient($"{OwnerKey(Ann)}/{id}.json").GetPropertiesAsync()).Value;
        Assert.AreEqual("application/json; charset=utf-8", json.ContentType);
    }

    [TestMethod]
    public async Task A_job_delivered_twice_stores_one_report()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann, key: "twice");
        // The same POST again (a client retry) and the same message again (at-least-once delivery).
        await host.PostAsync(Ann, key: "twice");
        Assert.IsEmpty(await host.ReceiveAsync(), "a replayed POST queues nothing new");

        Assert.AreEqual(ReportRunOutcome.Done, await host.Runner.RunAsync(message.Body.ToString(), message.MessageId, 1, CancellationToken.None));
        Assert.AreEqual(ReportRunOutcome.AlreadyFinished, await host.Runner.RunAsync(message.Body.ToString(), message.MessageId, 2, CancellationToken.None));
        await host.Functions.RunJobAsync(message, CancellationToken.None);

        Assert.AreEqual(1, host.Builder.Builds);
        Assert.HasCount(2, await BlobNamesAsync());
        int rows = 0;
        await foreach (TableEntity _ in host.Storage.Reports.QueryAsync<TableEntity>(e => e.PartitionKey == OwnerKey(Ann)))
            rows++;
        Assert.AreEqual(1, rows);
        Assert.AreEqual("done", (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!.Status);
    }

    [TestMethod]
    public async Task A_second_message_for_a_running_job_is_dropped_but_the_same_message_redelivered_takes_over()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann);
        ReportRecord record = (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!;
        record.Status = ReportStatus.Running;
        record.RunningMessageId = message.MessageId;
        Assert.IsTrue(await host.Store.TryUpdateAsync(record, CancellationToken.None));

        Assert.AreEqual(ReportRunOutcome.Duplicate, await host.Runner.RunAsync(message.Body.ToString(), "another-message", 1, CancellationToken.None));
        Assert.AreEqual(0, host.Builder.Builds);

        // Its own message came back: the first attempt died while running.
        Assert.AreEqual(ReportRunOutcome.Done, await host.Runner.RunAsync(message.Body.ToString(), message.MessageId, 2, CancellationToken.None));
        Assert.AreEqual(1, host.Builder.Builds);
        Assert.AreEqual(2, (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!.Attempts);
    }

    [TestMethod]
    public async Task A_failing_builder_marks_the_job_failed_with_a_one_line_error()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann);
        host.Builder.Fail = () => new InvalidDataException("no sent mail in the period\nsecond line");

        await host.Functions.RunJobAsync(message, CancellationToken.None); // no throw: a retry would not help

        ReportRecord record = (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!;
        Assert.AreEqual("failed", record.Status);
        Assert.AreEqual("no sent mail in the period", record.Error);
        Assert.IsNotNull(record.Completed);
        Assert.IsEmpty(await BlobNamesAsync());
        Assert.AreEqual(0, host.Mail.Commits, "a failed run keeps the old delta links");
        // A later delivery of the same job leaves it failed.
        Assert.AreEqual(ReportRunOutcome.AlreadyFinished, await host.Runner.RunAsync(message.Body.ToString(), message.MessageId, 2, CancellationToken.None));
    }

    [TestMethod]
    public async Task A_transient_failure_rethrows_for_the_host_to_retry_and_a_later_attempt_finishes()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann);
        host.Builder.Fail = () => new Graph.SentItems.GraphReportSourceException("Graph's sentitems delta failed with 429 (throttled).", isTransient: true);

        await Assert.ThrowsExactlyAsync<Graph.SentItems.GraphReportSourceException>(() => host.Functions.RunJobAsync(message, CancellationToken.None));

        ReportRecord record = (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!;
        Assert.AreEqual("running", record.Status);
        StringAssert.StartsWith(record.Error, "attempt 1 failed, retrying: Graph's sentitems delta failed with 429");

        host.Builder.Fail = null;
        Assert.AreEqual(ReportRunOutcome.Done, await host.Runner.RunAsync(message.Body.ToString(), message.MessageId, 2, CancellationToken.None));
        record = (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!;
        Assert.AreEqual("done", record.Status);
        Assert.IsNull(record.Error);
    }

    [TestMethod]
    public async Task Storage_server_errors_count_as_transient_and_client_errors_do_not()
    {
        Assert.IsTrue(ReportJobRunner.IsTransient(new Azure.RequestFailedException(503, "busy")));
        Assert.IsTrue(ReportJobRunner.IsTransient(new TransientReportException("later")));
        Assert.IsFalse(ReportJobRunner.IsTransient(new Azure.RequestFailedException(403, "denied")));
        Assert.IsFalse(ReportJobRunner.IsTransient(new Graph.SentItems.GraphReportSourceException("403", isTransient: false)));
        await Task.CompletedTask;
    }

    [TestMethod]
    public async Task On_the_last_allowed_attempt_a_transient_failure_marks_the_job_failed_and_still_throws_for_the_poison_queue()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann);
        host.Builder.Fail = () => new TransientReportException("Graph is unavailable");

        await Assert.ThrowsExactlyAsync<TransientReportException>(() =>
            host.Runner.RunAsync(message.Body.ToString(), message.MessageId, ReportJobRunner.DefaultMaxDequeueCount, CancellationToken.None));

        ReportRecord record = (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!;
        Assert.AreEqual("failed", record.Status);
        Assert.AreEqual("gave up after 5 attempts: Graph is unavailable", record.Error);
    }

    [TestMethod]
    public async Task A_message_in_the_poison_queue_fails_its_job_unless_it_finished()
    {
        (string id, QueueMessage message) = await PostAndReceiveAsync(Ann);
        host.Builder.Fail = () => new TransientReportException("storage timeout");
        await Assert.ThrowsExactlyAsync<TransientReportException>(() => host.Functions.RunJobAsync(message, CancellationToken.None));

        // The worker died on its last attempt: the host moved the message on without our last-attempt handling.
        var poison = new Azure.Storage.Queues.QueueClient(AzuriteStorage.ConnectionString, host.Storage.Queue.Name + "-poison",
            new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await poison.CreateIfNotExistsAsync();
        try
        {
            await poison.SendMessageAsync(message.Body.ToString());
            QueueMessage poisoned = (await poison.ReceiveMessagesAsync(1)).Value.Single();
            await host.Functions.PoisonAsync(poisoned, CancellationToken.None);

            ReportRecord record = (await host.Store.GetAsync(OwnerKey(Ann), id, CancellationToken.None))!;
            Assert.AreEqual("failed", record.Status);
            Assert.AreEqual("moved to the poison queue; last error: attempt 1 failed, retrying: storage timeout", record.Error);
            Assert.AreEqual(ReportRunOutcome.AlreadyFinished, await host.Runner.MarkPoisonedAsync(message.Body.ToString(), CancellationToken.None));
        }
        finally
        {
            await poison.DeleteIfExistsAsync();
        }
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("not json")]
    [DataRow("""{ "owner": "x", "id": "y" }""")]
    public async Task Unreadable_messages_are_dropped(string text)
    {
        Assert.AreEqual(ReportRunOutcome.Dropped, await host.Runner.RunAsync(text, "m1", 1, CancellationToken.None));
    }

    [TestMethod]
    public void Job_messages_read_as_JSON_and_as_base64_JSON()
    {
        var job = ReportJob.Create(new ReportOwner(ReportTestHost.Tenant, Ann), new DateOnly(2026, 10, 1), false, "k");
        string json = job.ToJson();
        Assert.AreEqual(job, ReportJob.Parse(json));
        Assert.AreEqual(job, ReportJob.Parse(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.IsNull(ReportJob.Parse((job with { UserId = Bob }).ToJson()), "owner and user id must agree");
    }

    private async Task<string[]> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (BlobItem blob in host.Storage.Blobs.GetBlobsAsync())
            names.Add(blob.Name);
        return names.ToArray();
    }
}

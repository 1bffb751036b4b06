using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace OutreachAdvisor.ReportJobs.Tests;

/// <summary>
/// Azurite, as test.sh starts it: connection string from AZURITE_CONNECTION_STRING, else
/// UseDevelopmentStorage=true (127.0.0.1:10000-10002). Not reachable = every test fails with a message
/// saying how to start it; nothing is skipped.
/// </summary>
[TestClass]
public static class AzuriteStorage
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    [AssemblyInitialize]
    public static async Task CheckReachableAsync(TestContext context)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var blobs = new BlobServiceClient(ConnectionString, new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
            await blobs.GetPropertiesAsync(timeout.Token);
            var tables = new TableServiceClient(ConnectionString, new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
            await tables.GetPropertiesAsync(timeout.Token);
            var queues = new QueueServiceClient(ConnectionString, new QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(5) } });
            await queues.GetPropertiesAsync(timeout.Token);
        }
        catch (Exception error)
        {
            // The endpoint only: a connection string may hold a key.
            string endpoint = new BlobServiceClient(ConnectionString).Uri.ToString();
            throw new InvalidOperationException(
                "Azurite is not reachable (blob endpoint " + endpoint + "): these tests need it. Run ./test.sh, which starts it, or start it yourself: " +
                "npm ci --prefix tools/azurite && tools/azurite/node_modules/.bin/azurite --silent --inMemoryPersistence --disableTelemetry " +
                "--skipApiVersionCheck --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 (and set AZURITE_CONNECTION_STRING " +
                "for other ports). Cause: " + error.Message, error);
        }
    }

    /// <summary>A fresh queue, tables and container (unique names), so tests never see each other's messages or rows.</summary>
    public static async Task<ReportStorage> CreateAsync()
    {
        string suffix = Guid.NewGuid().ToString("N")[..12];
        var storage = new ReportStorage(
            new QueueClient(ConnectionString, "report-jobs-" + suffix, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            new TableClient(ConnectionString, "reports" + suffix),
            new TableClient(ConnectionString, "deltaLinks" + suffix),
            new BlobContainerClient(ConnectionString, "reports-" + suffix));
        await storage.EnsureCreatedAsync(CancellationToken.None);
        return storage;
    }

    public static async Task DeleteAsync(ReportStorage storage)
    {
        await storage.Queue.DeleteIfExistsAsync();
        await storage.Reports.DeleteAsync();
        await storage.DeltaLinks.DeleteAsync();
        await storage.Blobs.DeleteIfExistsAsync();
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// The Azure Storage resources of report jobs (infra/modules/storage.bicep creates them in Azure):
/// queue <c>report-jobs</c>, tables <c>reports</c> and <c>deltaLinks</c>, blob container <c>reports</c>.
/// </summary>
public sealed class ReportStorage
{
    public const string QueueName = "report-jobs";
    public const string PoisonQueueName = "report-jobs-poison";
    public const string ReportsTableName = "reports";
    public const string DeltaLinksTableName = "deltaLinks";
    public const string ContainerName = "reports";

    /// <summary>The Functions queue trigger decodes base64 by default (host.json messageEncoding): enqueue the same way.</summary>
    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    public ReportStorage(QueueClient queue, TableClient reports, TableClient deltaLinks, BlobContainerClient blobs)
    {
        Queue = queue;
        Reports = reports;
        DeltaLinks = deltaLinks;
        Blobs = blobs;
    }

    public QueueClient Queue { get; }
    public TableClient Reports { get; }
    public TableClient DeltaLinks { get; }
    public BlobContainerClient Blobs { get; }

    /// <summary>A connection string: Azurite's <c>UseDevelopmentStorage=true</c> locally and in tests.</summary>
    public static ReportStorage FromConnectionString(string connectionString) => new(
        new QueueClient(connectionString, QueueName, QueueOptions()),
        new TableClient(connectionString, ReportsTableName),
        new TableClient(connectionString, DeltaLinksTableName),
        new BlobContainerClient(connectionString, ContainerName));

    /// <summary>Entra ID (the managed identity) against the account's endpoints: Azure, where shared keys are off.</summary>
    public static ReportStorage FromAccount(string accountName, TokenCredential credential)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        Uri Endpoint(string service, string path) => new($"https://{accountName}.{service}.core.windows.net/{path}");
        return new ReportStorage(
            new QueueClient(Endpoint("queue", QueueName), credential, QueueOptions()),
            new TableClient(Endpoint("table", ""), ReportsTableName, credential),
            new TableClient(Endpoint("table", ""), DeltaLinksTableName, credential),
            new BlobContainerClient(Endpoint("blob", ContainerName), credential));
    }

    /// <summary>Creates the queue, tables and container when missing (Azurite; in Azure they exist already).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Reports.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await DeltaLinks.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Blobs.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

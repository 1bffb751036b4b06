using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using OutreachAdvisor.Reports.Model;

namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// The carried-over state in the reports container, one blob per owner: <c>{owner}/outreach-state.json</c>
/// (next to the owner's reports, so no new resource is needed). At most about 5,000 open outreach
/// records and 200,000 address hashes (<see cref="OutreachState"/>'s bounds): a few MB at the very most.
/// </summary>
public sealed class BlobOutreachStateStore(BlobContainerClient container) : IOutreachStateStore
{
    public const string BlobName = "outreach-state.json";

    public static string NameFor(string owner) => $"{owner}/{BlobName}";

    public async Task<OutreachState?> LoadAsync(string owner, CancellationToken cancellationToken)
    {
        try
        {
            Response<BlobDownloadResult> download = await container.GetBlobClient(NameFor(owner)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(download.Value.Content.ToMemory().Span, ReportJobsJson.Default.OutreachState);
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            // A state that cannot be read is no state: the report then reads as if it were the first.
            return null;
        }
    }

    public async Task SaveAsync(string owner, OutreachState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(state, ReportJobsJson.Default.OutreachState);
        await container.GetBlobClient(NameFor(owner)).UploadAsync(new BinaryData(json),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken).ConfigureAwait(false);
    }
}

using System.Text;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt;

/// <summary>Reads a local HTML or text file under the same size limit as a fetched page.</summary>
internal static class LocalPageReader
{
    public static async Task<PageFetchResult> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                return PageFetchResult.Failed("file/not-found", ("path", path));
            }

            if (file.Length > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            // Read at most one byte past the limit: the file may grow, or be a device that never ends.
            byte[] buffer = new byte[maxBytes + 1];
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 4096, useAsync: true);
            int total;
            await using (stream.ConfigureAwait(false))
            {
                total = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false);
            }

            if (total > maxBytes)
            {
                return TooLarge(maxBytes);
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, total), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            string text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            return PageFetchResult.Success(text, new Uri(Path.GetFullPath(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return PageFetchResult.Failed("file/unreadable", ("path", path));
        }
    }

    private static PageFetchResult TooLarge(long maxBytes) =>
        PageFetchResult.Failed("file/too-large", ("limit", Units.Bytes(maxBytes)));
}

using Microsoft.AspNetCore.Http;

namespace OutreachAdvisor.Api;

/// <summary>
/// The hard ceiling on every API route's response (issue 15.1): the handlers bound their answers by design
/// (<see cref="ResultCaps"/>, fixed catalogues, the report engine's own caps); this is the backstop that holds
/// even if one of them is wrong. A response that would pass its route's limit is replaced by a 500 problem
/// when nothing was sent yet, and cut off (connection aborted) otherwise - never sent whole.
/// </summary>
public static class ResponseSizeLimit
{
    public const int Analyze = ApiLimits.MaxAnalyzeResponseBytes;
    public const int Rules = 64 * 1024;
    public const int Health = 16 * 1024;
    /// <summary>A report's JSON or page: its lists are capped by the report engine; this bounds the rest.</summary>
    public const int Reports = 8 * 1024 * 1024;

    /// <summary>The limit of an API route, or null for paths that are not the API (the add-in's static pages).</summary>
    public static int? For(PathString path) =>
        path.StartsWithSegments("/api/analyze", StringComparison.OrdinalIgnoreCase) ? Analyze
        : path.StartsWithSegments("/api/rules", StringComparison.OrdinalIgnoreCase) ? Rules
        : path.StartsWithSegments("/api/health", StringComparison.OrdinalIgnoreCase) ? Health
        : path.StartsWithSegments("/api/reports", StringComparison.OrdinalIgnoreCase) ? Reports
        : path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) ? Health
        : null;

    /// <summary>Runs <paramref name="next"/> with the response body counted against the route's limit.</summary>
    public static async Task RunAsync(HttpContext context, Func<Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (For(context.Request.Path) is not { } limit)
        {
            await next().ConfigureAwait(false);
            return;
        }
        Stream original = context.Response.Body;
        // Disposing it leaves the server's stream alone (Stream's own Dispose does nothing to the inner one).
        await using var capped = new CappedStream(original, limit, context.Response);
        context.Response.Body = capped;
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (ResponseTooLargeException)
        {
            context.Response.Body = original;
            if (context.Response.HasStarted)
            {
                context.Abort();
                return;
            }
            context.Response.Clear();
            await Problems.WriteAsync(context.Response, Problems.ResponseTooLarge(limit), context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = original;
        }
    }

    private sealed class ResponseTooLargeException() : Exception("the response is larger than its route's limit");

    /// <summary>Counts what is written and refuses the write that would pass the limit (also a Content-Length above it).</summary>
    private sealed class CappedStream(Stream inner, int limit, HttpResponse response) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }

        private void Count(int count)
        {
            if (response.ContentLength > limit || _written + count > limit)
                throw new ResponseTooLargeException();
            _written += count;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count(count);
            inner.Write(buffer, offset, count);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Count(count);
            await inner.WriteAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Count(buffer.Length);
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override void Flush() => inner.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

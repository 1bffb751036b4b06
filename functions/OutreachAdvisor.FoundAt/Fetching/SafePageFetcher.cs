using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>
/// Fetches a page a user named, without letting that user reach internal services (SSRF).
/// Every hop's URL is checked, its host resolved here and every resolved IP checked against
/// <see cref="IpAddressPolicy"/>; the socket then connects to one of those checked IPs, so a DNS
/// answer that changes between check and connect (rebinding) cannot redirect the connection
/// (see <see cref="ApprovedHosts"/>).
/// Redirects are followed by hand, so each one is checked the same way before any traffic is sent.
/// Every fetch takes one of the process's fetch slots and, for each hop, one of the server's
/// (<see cref="FetchThrottle"/>), and names the product in its User-Agent.
/// </summary>
public sealed class SafePageFetcher
{
    /// <summary>The types a page may have: what people read.</summary>
    public static readonly IReadOnlyList<string> PageMediaTypes = ["text/html", "text/plain", "application/xhtml+xml"];

    private readonly SafeFetchOptions _options;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolveHost;
    private readonly FetchThrottle _throttle;

    /// <param name="resolveHost">DNS lookup; replaceable so tests can map names to addresses without real DNS.</param>
    /// <param name="throttle">The concurrency caps; <see cref="FetchThrottle.Shared"/> (one per process) unless a test gives its own.</param>
    public SafePageFetcher(SafeFetchOptions? options = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolveHost = null, FetchThrottle? throttle = null)
    {
        _options = options ?? new SafeFetchOptions();
        _resolveHost = resolveHost ?? Dns.GetHostAddressesAsync;
        _throttle = throttle ?? FetchThrottle.Shared;
    }

    public SafeFetchOptions Options => _options;

    /// <summary>Fetches <paramref name="url"/>; failures and refusals come back as a result, never as exceptions.</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<PageFetchResult> FetchAsync(string url, CancellationToken cancellationToken)
    {
        return Uri.TryCreate(url, UriKind.Absolute, out Uri? uri)
            ? await FetchAsync(uri, cancellationToken).ConfigureAwait(false)
            : PageFetchResult.Failed("fetch/not-absolute", ("url", url));
    }

    /// <inheritdoc cref="FetchAsync(string, CancellationToken)"/>
    public Task<PageFetchResult> FetchAsync(Uri url, CancellationToken cancellationToken) => FetchAsync(url, PageMediaTypes, cancellationToken);

    /// <summary>Fetches <paramref name="url"/>, accepting a body of one of <paramref name="mediaTypes"/> (a sitemap is XML, not a page).</summary>
    /// <exception cref="OperationCanceledException">Only when <paramref name="cancellationToken"/> is cancelled.</exception>
    public async Task<PageFetchResult> FetchAsync(Uri url, IReadOnlyList<string> mediaTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(mediaTypes);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);

        IDisposable slot;
        try
        {
            slot = await _throttle.EnterProcessAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PageFetchResult.Failed("fetch/busy", ("limit", _throttle.MaxConcurrent));
        }

        // One handler per fetch: its connections can only ever reach the IPs approved for this fetch.
        var approvedHosts = new ApprovedHosts(_options.AllowLoopback);
        using SocketsHttpHandler handler = approvedHosts.CreateHandler(_options.Timeout);
        using var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        using (slot)
        {
            return await FetchWithSlotAsync(client, url, approvedHosts, mediaTypes, timeout.Token, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<PageFetchResult> FetchWithSlotAsync(
        HttpClient client, Uri url, ApprovedHosts approvedHosts, IReadOnlyList<string> mediaTypes, CancellationToken timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await FollowRedirectsAsync(client, url, approvedHosts, mediaTypes, timeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PageFetchResult.Failed("fetch/timeout", ("limit", Units.Duration(_options.Timeout)));
        }
        catch (HttpRequestException ex)
        {
            return PageFetchResult.Failed("fetch/unreachable", ("url", url.ToString()), ("reason", (ex.InnerException as RefusedConnectionException)?.Reason ?? new Reason("fetch/network-error")));
        }
        catch (IOException)
        {
            return PageFetchResult.Failed("fetch/unreadable", ("url", url.ToString()));
        }
        catch (Exception ex) when (ex is UriFormatException or InvalidOperationException)
        {
            return PageFetchResult.Failed("fetch/unreachable", ("url", url.ToString()), ("reason", new Reason("fetch/network-error"))); // odd host names and URLs
        }
    }

    private async Task<PageFetchResult> FollowRedirectsAsync(
        HttpClient client, Uri url, ApprovedHosts approvedHosts, IReadOnlyList<string> mediaTypes, CancellationToken cancellationToken)
    {
        Uri current = url;
        for (int redirects = 0; ; redirects++)
        {
            Reason? refusal = await CheckDestinationAsync(current, approvedHosts, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                return PageFetchResult.Failed(redirects == 0 ? Reason.With("fetch/refused", ("reason", refusal)) : Reason.With("fetch/refused-redirect", ("url", current.ToString()), ("reason", refusal)));
            }

            // One server slot per hop, held until its body is read: a redirect to another server waits for that one's.
            using IDisposable serverSlot = await _throttle.EnterServerAsync(approvedHosts.ServerOf(current.IdnHost), cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd(string.Join(", ", mediaTypes));
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            using HttpResponseMessage response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);

            if (!IsRedirect(response.StatusCode))
            {
                return await ReadTextAsync(response, current, mediaTypes, cancellationToken).ConfigureAwait(false);
            }

            if (redirects >= _options.MaxRedirects)
            {
                return PageFetchResult.Failed("fetch/too-many-redirects", ("max", _options.MaxRedirects));
            }

            if (response.Headers.Location is not { } location)
            {
                return PageFetchResult.Failed("fetch/redirect-without-location", ("url", current.ToString()));
            }

            current = location.IsAbsoluteUri ? location : new Uri(current, location);
        }
    }

    /// <summary>Checks a URL before any traffic is sent to it; on success its host's IPs are approved for connecting.</summary>
    /// <returns>Why the URL is refused, or null.</returns>
    private async Task<Reason?> CheckDestinationAsync(
        Uri url, ApprovedHosts approvedHosts, CancellationToken cancellationToken)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            return Reason.With("fetch/scheme-not-http", ("scheme", url.Scheme));
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return new Reason("fetch/user-info");
        }

        string host = ApprovedHosts.Key(url.IdnHost);
        if (host.Length == 0)
        {
            return new Reason("fetch/no-host");
        }

        if (HostNamePolicy.ForbiddenReason(host) is { } hostReason)
        {
            return hostReason;
        }

        bool isLiteral = IPAddress.TryParse(host, out IPAddress? literal);
        IPAddress[] addresses = isLiteral ? [literal!] : await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            return Reason.With("fetch/unresolved", ("host", host));
        }

        // Every address must pass: the connection may use any of them.
        foreach (IPAddress address in addresses)
        {
            if (IpAddressPolicy.Forbidden(address, _options.AllowLoopback) is { } reason)
            {
                return isLiteral
                    ? Reason.With("host/address-forbidden", ("address", address.ToString()), ("kind", reason))
                    : Reason.With("host/resolves-forbidden", ("host", host), ("address", address.ToString()), ("kind", reason));
            }
        }

        approvedHosts.Approve(host, addresses);
        return null;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        try
        {
            return await _resolveHost(host, cancellationToken).ConfigureAwait(false) ?? [];
        }
        catch (SocketException)
        {
            return [];
        }
        catch (ArgumentException)
        {
            return [];
        }
    }

    private async Task<PageFetchResult> ReadTextAsync(HttpResponseMessage response, Uri url, IReadOnlyList<string> mediaTypes, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            return PageFetchResult.FailedWithStatus((int)response.StatusCode,
                Reason.With("fetch/http-status", ("url", url.ToString()), ("status", $"{(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd())));
        }

        MediaTypeHeaderValue? contentType = response.Content.Headers.ContentType;
        if (contentType?.MediaType is not { } mediaType || !mediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return PageFetchResult.Failed("fetch/not-text", ("type", contentType?.MediaType ?? "(none)"));
        }

        if (response.Content.Headers.ContentLength > _options.MaxBytes)
        {
            return TooLarge();
        }

        MemoryStream? body = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TooLarge();
        }

        using var reader = new StreamReader(body, EncodingFor(contentType), detectEncodingFromByteOrderMarks: true);
        return PageFetchResult.Success(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), url);
    }

    /// <summary>The body, or null as soon as it passes the byte limit (Content-Length may be absent or lie).</summary>
    private async Task<MemoryStream?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var body = new MemoryStream();
            byte[] chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > _options.MaxBytes)
                {
                    await body.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                body.Write(chunk, 0, read);
            }

            body.Position = 0;
            return body;
        }
    }

    private PageFetchResult TooLarge() => PageFetchResult.Failed("fetch/too-large", ("limit", Units.Bytes(_options.MaxBytes)));

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently
        or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static Encoding EncodingFor(MediaTypeHeaderValue contentType)
    {
        string? charset = contentType.CharSet?.Trim(' ', '"', '\'');
        if (string.IsNullOrEmpty(charset))
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }

        try
        {
            return Encoding.GetEncoding(charset);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            // windows-1252 and other legacy code pages live in a provider that is not registered by default.
            return CodePagesEncodingProvider.Instance.GetEncoding(charset) ?? new UTF8Encoding(false);
        }
    }
}

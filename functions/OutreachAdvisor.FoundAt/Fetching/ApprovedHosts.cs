using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>
/// The hosts one fetch has checked, with the IPs each may be reached at, and the HTTP handler
/// whose sockets can connect to those IPs only. The handler never does its own DNS lookup.
/// </summary>
internal sealed class ApprovedHosts(bool allowLoopback)
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _addresses = new(StringComparer.Ordinal);

    /// <summary>The form a host is compared in: no IPv6 brackets, no trailing dot, lower case.</summary>
    public static string Key(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    public void Approve(string host, IPAddress[] addresses) => _addresses[Key(host)] = addresses;

    /// <summary>The server an approved host is reached at (its first approved IP), the unit the per-server fetch cap counts.</summary>
    public string ServerOf(string host) =>
        _addresses.TryGetValue(Key(host), out IPAddress[]? addresses) && addresses.Length > 0 ? addresses[0].ToString() : Key(host);

    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        AllowAutoRedirect = false, // each redirect is checked by the fetcher before it is followed
        UseProxy = false, // a proxy would make the connection go somewhere we did not check
        UseCookies = false,
        Credentials = null,
        AutomaticDecompression = DecompressionMethods.All, // the byte limit counts decompressed bytes
        MaxResponseHeadersLength = 64, // KB
        MaxResponseDrainSize = 0, // never read on past a response we gave up on
        ConnectTimeout = connectTimeout,
        ConnectCallback = ConnectAsync,
    };

    /// <summary>Connects to an IP approved for this host, never to a fresh DNS answer.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        string host = Key(context.DnsEndPoint.Host);
        if (!_addresses.TryGetValue(host, out IPAddress[]? addresses))
        {
            throw new RefusedConnectionException(Reason.With("host/not-checked", ("host", host)));
        }

        SocketException? lastError = null;
        foreach (IPAddress address in addresses)
        {
            // Checked already; checked again because this is the last line before traffic leaves.
            if (IpAddressPolicy.Forbidden(address, allowLoopback) is { } reason)
            {
                throw new RefusedConnectionException(Reason.With("host/address-forbidden", ("address", address.ToString()), ("kind", reason)));
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex; // try the host's next approved address
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw lastError ?? new SocketException((int)SocketError.HostNotFound);
    }
}

/// <summary>Thrown from the connect callback; its message becomes the refusal reason.</summary>
internal sealed class RefusedConnectionException(Reason reason) : IOException(reason.ToString())
{
    public Reason Reason { get; } = reason;
}

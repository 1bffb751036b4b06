using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>DNS for made-up names: each maps to the addresses a test gives it; unknown names do not resolve.</summary>
internal sealed class TestResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Lookups { get; } = new();

    public TestResolver Map(string name, params IPAddress[] addresses)
    {
        _names[name] = addresses;
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return _names.TryGetValue(host, out IPAddress[]? addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}

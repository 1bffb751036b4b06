namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>
/// Caps how many fetches run at once in this process and against any one server (by the IP address
/// the fetch connects to), so that many requests, or one request naming many pages, cannot turn the
/// service into a flood reflector. A fetch that cannot get a slot within its own time limit gives up.
/// </summary>
public sealed class FetchThrottle : IDisposable
{
    /// <summary>The process-wide throttle every fetcher uses unless given another (tests).</summary>
    public static FetchThrottle Shared { get; } = new();

    private readonly SemaphoreSlim _process;
    private readonly Dictionary<string, ServerSlots> _servers = new(StringComparer.Ordinal);

    /// <param name="maxConcurrent">Fetches at once in the whole process.</param>
    /// <param name="maxPerServer">Requests at once to one server address.</param>
    public FetchThrottle(int maxConcurrent = 32, int maxPerServer = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrent, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerServer, 1);
        MaxConcurrent = maxConcurrent;
        MaxPerServer = maxPerServer;
        _process = new SemaphoreSlim(maxConcurrent, maxConcurrent);
    }

    public int MaxConcurrent { get; }

    public int MaxPerServer { get; }

    /// <summary>Waits for one of the process's fetch slots; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterProcessAsync(CancellationToken cancellationToken)
    {
        await _process.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(() => _process.Release());
    }

    /// <summary>Waits for one of <paramref name="server"/>'s request slots; dispose the result to give it back.</summary>
    public async Task<IDisposable> EnterServerAsync(string server, CancellationToken cancellationToken)
    {
        ServerSlots slots;
        lock (_servers)
        {
            // Entries live only while someone holds or waits for them, so the table stays as small as the traffic.
            if (!_servers.TryGetValue(server, out slots!))
                _servers[server] = slots = new ServerSlots(MaxPerServer);
            slots.Users++;
        }

        try
        {
            await slots.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(server, slots, entered: false);
            throw;
        }

        return new Release(() => Leave(server, slots, entered: true));
    }

    /// <summary>Only for a throttle a test made: <see cref="Shared"/> lives as long as the process.</summary>
    public void Dispose() => _process.Dispose();

    /// <summary>Servers with a fetch running or waiting (for tests: the table must empty again).</summary>
    internal int TrackedServers
    {
        get
        {
            lock (_servers)
                return _servers.Count;
        }
    }

    private void Leave(string server, ServerSlots slots, bool entered)
    {
        if (entered)
            slots.Semaphore.Release();
        lock (_servers)
        {
            if (--slots.Users == 0)
            {
                _servers.Remove(server);
                slots.Semaphore.Dispose();
            }
        }
    }

    private sealed class ServerSlots(int max)
    {
        public SemaphoreSlim Semaphore { get; } = new(max, max);

        public int Users { get; set; }
    }

    private sealed class Release(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}

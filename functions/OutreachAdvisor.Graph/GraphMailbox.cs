using Microsoft.Graph;
using Microsoft.Graph.Models;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Graph;

/// <summary>
/// The sender's mailbox as Microsoft Graph shows it (<c>/me</c>: the signed-in user whose delegated
/// token the client carries). Made per user request; answers are cached for the instance's life, so
/// asking twice about one address costs one set of Graph calls. Reads message headers only, never bodies.
/// See docs/graph.md for the requests and the permissions each one needs.
/// </summary>
public sealed class GraphMailbox : IMailbox
{
    private readonly GraphQueries _queries;
    private readonly GraphSender _sender;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Task<RecipientHistory>> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<bool>> _contacts = new(StringComparer.Ordinal);
    private Task<IReadOnlyCollection<string>?>? _verifiedDomains;

    /// <param name="gate">Holds this user's Graph requests to 4 at a time; by default a gate of this instance's own.</param>
    public GraphMailbox(GraphServiceClient client, GraphMailboxOptions? options = null, GraphRequestGate? gate = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        Options = options ?? new GraphMailboxOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxMessagesPerQuery, 1, nameof(options));
        _queries = new GraphQueries(client, Options);
        _sender = new GraphSender(client, Options, gate ?? GraphRequestGate.Private());
    }

    public string Name => "graph";

    public GraphMailboxOptions Options { get; }

    public async Task<RecipientHistory> GetHistoryAsync(string sender, string recipient, CancellationToken cancellationToken)
    {
        IReadOnlyList<RecipientHistory> histories = await GetHistoriesAsync(sender, [recipient], cancellationToken).ConfigureAwait(false);
        return histories[0];
    }

    /// <summary>
    /// The histories of several recipients at once, in the order given: their queries share JSON
    /// batches, so the round trips do not grow with the number of recipients. Calling this first with
    /// every recipient makes the later per-recipient <see cref="GetHistoryAsync"/> calls cache hits.
    /// </summary>
    /// <param name="sender">Unused by Graph (the token says whose mailbox it is); kept for the interface's shape.</param>
    public async Task<IReadOnlyList<RecipientHistory>> GetHistoriesAsync(string sender, IReadOnlyList<string> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        string[] keys = recipients.Select(Normalize).ToArray();
        var mine = new Dictionary<string, TaskCompletionSource<RecipientHistory>>(StringComparer.Ordinal);
        Task<RecipientHistory>[] answers;
        lock (_gate)
        {
            answers = keys.Select(key =>
            {
                if (_histories.TryGetValue(key, out Task<RecipientHistory>? known))
                    return known;
                var pending = new TaskCompletionSource<RecipientHistory>(TaskCreationOptions.RunContinuationsAsynchronously);
                mine[key] = pending;
                _histories[key] = pending.Task;
                return pending.Task;
            }).ToArray();
        }
        if (mine.Count > 0)
            await FillHistoriesAsync(mine, cancellationToken).ConfigureAwait(false);
        return await Task.WhenAll(answers).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> IsContactAsync(string address, CancellationToken cancellationToken) =>
        Cached(_contacts, Normalize(address), key => GuardAsync($"contacts with {key}", async budget =>
        {
            ContactCollectionResponse page = await _sender.SendAsync(
                $"contacts with {key}", _queries.ContactsWith(key), ContactCollectionResponse.CreateFromDiscriminatorValue, budget).ConfigureAwait(false);
            return page.Value is { Count: > 0 };
        }, cancellationToken)).WaitAsync(cancellationToken);

    /// <summary>
    /// The tenant's verified domains. Where the token may not read the organization (403) or it
    /// lists none, the sender's own domain stands in, unless it is public webmail (then none).
    /// </summary>
    public async Task<IReadOnlyCollection<string>> GetOrganizationDomainsAsync(string sender, CancellationToken cancellationToken)
    {
        Task<IReadOnlyCollection<string>?> read;
        lock (_gate)
            read = _verifiedDomains ??= ReadVerifiedDomainsAsync(cancellationToken);
        try
        {
            IReadOnlyCollection<string>? domains = await read.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (domains is { Count: > 0 })
                return domains;
        }
        catch
        {
            lock (_gate)
                _verifiedDomains = null;
            throw;
        }
        string domain = DomainOf(sender);
        return domain.Length == 0 || PublicMailDomains.Contains(domain) ? [] : [domain];
    }

    private static string DomainOf(string? address)
    {
        string trimmed = (address ?? "").Trim();
        int at = trimmed.LastIndexOf('@');
        return at < 0 ? "" : trimmed[(at + 1)..].ToLowerInvariant();
    }

    private Task<IReadOnlyCollection<string>?> ReadVerifiedDomainsAsync(CancellationToken cancellationToken) =>
        GuardAsync<IReadOnlyCollection<string>?>("organization", async budget =>
        {
            try
            {
                OrganizationCollectionResponse page = await _sender.SendAsync(
                    "organization", _queries.Organization(), OrganizationCollectionResponse.CreateFromDiscriminatorValue, budget).ConfigureAwait(false);
                return (page.Value ?? [])
                    .SelectMany(o => o.VerifiedDomains ?? [])
                    .Select(d => d.Name?.Trim().ToLowerInvariant())
                    .OfType<string>()
                    .Where(name => name.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
            }
            catch (GraphMailboxException error) when (error.InnerException is Microsoft.Kiota.Abstractions.ApiException { ResponseStatusCode: 403 })
            {
                return null; // Not allowed to read the tenant: the caller falls back to the sender's domain.
            }
        }, cancellationToken);

    private async Task FillHistoriesAsync(Dictionary<string, TaskCompletionSource<RecipientHistory>> pending, CancellationToken cancellationToken)
    {
        try
        {
            string label = pending.Count == 1 ? $"mail with {pending.Keys.First()}" : $"mail with {pending.Count} recipients";
            Dictionary<string, RecipientHistory> found = await GuardAsync(label,
                budget => new HistoryReader(_queries, _sender, Options, budget).ReadAsync(pending.Keys.ToArray()), cancellationToken).ConfigureAwait(false);
            foreach ((string? key, TaskCompletionSource<RecipientHistory>? answer) in pending)
                answer.SetResult(found[key]);
        }
        catch (Exception error)
        {
            // A failure is not remembered: a later call may ask Graph again.
            lock (_gate)
            {
                foreach (string key in pending.Keys)
                    _histories.Remove(key);
            }
            foreach (TaskCompletionSource<RecipientHistory> answer in pending.Values)
                answer.TrySetException(error);
        }
    }

    /// <summary>One read per key for the instance's life; a failed read is forgotten before its callers see the failure.</summary>
    private Task<T> Cached<T>(Dictionary<string, Task<T>> cache, string key, Func<string, Task<T>> read)
    {
        lock (_gate)
        {
            if (cache.TryGetValue(key, out Task<T>? known))
                return known;
            Task<T> task = ReadOrForgetAsync();
            cache[key] = task;
            return task;
        }

        async Task<T> ReadOrForgetAsync()
        {
            await Task.Yield(); // Start outside the lock, after the task is in the cache.
            try
            {
                return await read(key).ConfigureAwait(false);
            }
            catch
            {
                lock (_gate)
                    cache.Remove(key);
                throw;
            }
        }
    }

    /// <summary>Runs one public call within its budget, turning the budget's end into a one-line timeout.</summary>
    private async Task<T> GuardAsync<T>(string label, Func<CallBudget, Task<T>> work, CancellationToken cancellationToken)
    {
        using var budget = new CallBudget(Options.Timeout, cancellationToken);
        try
        {
            return await work(budget).ConfigureAwait(false);
        }
        catch (OperationCanceledException error) when (!budget.CallerCancelled)
        {
            throw new GraphMailboxException(
                $"{label}: Microsoft Graph did not answer within {budget.Limit.TotalSeconds:0.###} s", new TimeoutException(error.Message, error));
        }
    }

    private static string Normalize(string address) => (address ?? "").Trim().ToLowerInvariant();
}

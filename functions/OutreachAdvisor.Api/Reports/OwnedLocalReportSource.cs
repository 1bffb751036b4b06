using System.Runtime.CompilerServices;
using OutreachAdvisor.Mailbox;
using OutreachAdvisor.Reports;

namespace OutreachAdvisor.Api.Reports;

/// <summary>A local mailbox whose owner was found beforehand, so the report builder can ask the source for it (as it asks Graph).</summary>
internal sealed class OwnedLocalReportSource(string? owner, IReadOnlyList<string> paths) : IReportMailSource
{
    // An empty mailbox has no owner: the report then counts nothing.
    private readonly LocalReportMailSource? _files = owner is null ? null : LocalReportMailSource.Open(paths, owner);

    public string Name => "local-files";

    public IReadOnlyDictionary<string, int> Skipped => _files?.Skipped ?? new Dictionary<string, int>();

    public Task<string?> FindOwnerAddressAsync(CancellationToken cancellationToken) => Task.FromResult(owner);

    public IAsyncEnumerable<ReportMail> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        _files?.ReadAsync(since, cancellationToken) ?? NothingAsync(cancellationToken);

    private static async IAsyncEnumerable<ReportMail> NothingAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        yield break;
    }
}

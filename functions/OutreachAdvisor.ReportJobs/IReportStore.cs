namespace OutreachAdvisor.ReportJobs;

/// <summary>
/// Report rows, report files and weekly opt-ins. <see cref="ReportStore"/> keeps them in Azure Storage
/// (tables and blobs); <see cref="InMemoryReportStore"/> in process, for <c>outreach serve --mailbox</c>.
/// Status changes are conditional on the row's ETag in both, so two workers never both move one job on.
/// </summary>
public interface IReportStore
{
    /// <summary>Writes the queued row; false when a row with this id exists already (the same job was submitted before).</summary>
    Task<bool> TryCreateAsync(ReportJob job, DateTimeOffset now, CancellationToken cancellationToken);

    Task<ReportRecord?> GetAsync(string owner, string id, CancellationToken cancellationToken);

    /// <summary>The owner's reports, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<ReportRecord>> ListAsync(string owner, int max, CancellationToken cancellationToken);

    /// <summary>Replaces the row if nobody changed it since it was read; false on an ETag mismatch.</summary>
    Task<bool> TryUpdateAsync(ReportRecord record, CancellationToken cancellationToken);

    /// <summary>Stores (overwriting) the report's JSON and HTML: a job run twice leaves one report.</summary>
    Task UploadAsync(ReportRecord record, BuiltReport report, CancellationToken cancellationToken);

    /// <summary>The stored JSON or HTML as a stream; null when it is missing.</summary>
    Task<Stream?> OpenAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Turns the weekly report on or off for the owner.</summary>
    Task SetWeeklyAsync(ReportOwner owner, bool weekly, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> IsWeeklyAsync(ReportOwner owner, CancellationToken cancellationToken);

    /// <summary>Everyone who opted in to the weekly report.</summary>
    IAsyncEnumerable<ReportOwner> WeeklyOwnersAsync(CancellationToken cancellationToken);
}

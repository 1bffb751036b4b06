
namespace OutreachAdvisor.ReportJobs;

/// <summary>What one delivery of a job message did.</summary>
public enum ReportRunOutcome
{
    /// <summary>The report was built and stored; the row is done.</summary>
    Done,
    /// <summary>The job had finished before (a duplicate delivery): nothing was done.</summary>
    AlreadyFinished,
    /// <summary>Another message is running the same job: this duplicate was dropped.</summary>
    Duplicate,
    /// <summary>The job failed for good; the row says why.</summary>
    Failed,
    /// <summary>The message was unreadable or its row is gone: dropped.</summary>
    Dropped,
}


namespace OutreachAdvisor.ReportJobs;

/// <summary>The job statuses kept in the table row; transitions: queued -> running -> done | failed.</summary>
public static class ReportStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}

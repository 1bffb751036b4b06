namespace OutreachAdvisor.Reports;

/// <summary>Where a message's date came from; the report counts them in <c>dateSources</c>.</summary>
public static class ReportDateSources
{
    /// <summary>The Date header (local files), or Graph's sentDateTime for sent mail.</summary>
    public const string Date = "date";

    /// <summary>The newest Received header (local files), or Graph's receivedDateTime.</summary>
    public const string Received = "received";

    /// <summary>The date on an mbox entry's "From " separator line.</summary>
    public const string MboxSeparator = "mbox-separator";

    /// <summary>The file's last-write time: the last resort, for a message with no date of its own.</summary>
    public const string FileTime = "file-time";
}

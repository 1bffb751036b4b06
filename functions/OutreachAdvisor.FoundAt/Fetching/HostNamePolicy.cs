using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>Host names refused before any DNS lookup: cloud metadata services and private-use names.</summary>
internal static class HostNamePolicy
{
    private static readonly HashSet<string> MetadataHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal",
        "metadata.azure.internal", "metadata.tencentyun.com", "kubernetes.default", "kubernetes.default.svc",
    };

    /// <summary>Why <paramref name="host"/> is refused, or null. The resolved IPs are checked as well.</summary>
    public static Reason? ForbiddenReason(string host)
    {
        string name = host.TrimEnd('.');
        if (MetadataHosts.Contains(name))
        {
            return Reason.With("host/metadata-name", ("host", name));
        }

        // .internal is reserved for private networks (names such as localhost are caught by their IPs).
        if (name.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
        {
            return Reason.With("host/internal-name", ("host", name));
        }

        return null;
    }
}

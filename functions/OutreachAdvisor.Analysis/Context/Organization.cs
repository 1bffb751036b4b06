using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// The sender's organisation as a set of domains: the one answer to "is this address a colleague?"
/// for the rules, the context stage and the reports. A subdomain belongs to its parent
/// (mail.acme.example is inside acme.example).
/// </summary>
public sealed class Organization
{
    public static Organization None { get; } = new([]);

    public Organization(IEnumerable<string> domains) =>
        Domains = domains.Select(d => d.Trim().TrimEnd('.').ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToArray();

    public IReadOnlyCollection<string> Domains { get; }

    public bool Contains(EmailAddress address) => Contains(address.Domain);

    public bool Contains(string domain) =>
        domain.Length > 0 && Domains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    /// <summary>What the sender's own address tells: its domain, unless it is a public webmail one (which says nothing about colleagues).</summary>
    public static Organization OfSender(EmailAddress? sender)
    {
        string? domain = sender?.Domain;
        return string.IsNullOrEmpty(domain) || PublicMailDomains.Contains(domain) ? None : new Organization([domain]);
    }
}

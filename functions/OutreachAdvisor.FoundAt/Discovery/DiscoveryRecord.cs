using OutreachAdvisor.Analysis.Context;
using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// What the discovery cache stores for one address of a domain (or, under <see cref="DomainWide"/>,
/// for the whole domain): the verdict and its evidence, never any message content. The address itself
/// is stored only as <see cref="AddressKey"/>, a hash.
/// </summary>
/// <param name="Page">Where the address is listed (a public URL of the domain's site), when found.</param>
/// <param name="PagesRead">How many of the domain's pages were read.</param>
/// <param name="Reason">Why the site could not be searched, for an <c>Unavailable</c> verdict.</param>
public sealed record DiscoveryRecord(FoundAtStatus Status, string? Page, int PagesRead, Reason? Reason, DateTimeOffset CheckedAt, DateTimeOffset Expires)
{
    /// <summary>The key of a record about the whole domain (robots.txt forbids it, its site could not be read).</summary>
    public const string DomainWide = "*";

    /// <summary>
    /// The key an address is stored under: the SHA-256 of the lower-cased address, hex, first 32 digits.
    /// A pseudonym: whoever knows an address can tell whether it was looked up; nobody can read
    /// addresses out of the cache.
    /// </summary>
    public static string AddressKey(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(address.Trim().ToLowerInvariant()));
        return Convert.ToHexStringLower(hash)[..32];
    }
}

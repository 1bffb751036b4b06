using System.Net;
using System.Net.Sockets;
using OutreachAdvisor.Analysis.Messages;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>
/// Which IP addresses a server-side fetch must never connect to: anything that is not a public
/// unicast address (private, loopback, link-local and cloud metadata, CGNAT, multicast, reserved...),
/// including IPv4 addresses smuggled inside IPv6 (mapped, compatible, 6to4, NAT64).
/// </summary>
public static class IpAddressPolicy
{
    public static bool IsForbidden(IPAddress address, bool allowLoopback) =>
        Forbidden(address, allowLoopback) is not null;

    /// <summary>Why <paramref name="address"/> is forbidden ("a private address", in English), or null when it is a public address.</summary>
    public static string? ForbiddenReason(IPAddress address, bool allowLoopback) => Forbidden(address, allowLoopback)?.ToString();

    /// <summary>Why <paramref name="address"/> is forbidden, as a reason the reader's language renders; null when it is a public address.</summary>
    /// <param name="allowLoopback">Lets 127.0.0.0/8 and ::1 through (local tests only); every other range stays forbidden.</param>
    public static Reason? Forbidden(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes(), allowLoopback),
            AddressFamily.InterNetworkV6 => IPv6Reason(address, allowLoopback),
            _ => new Reason("ip/not-ip"),
        };
    }

    private static Reason? IPv4Reason(byte[] b, bool allowLoopback)
    {
        return b switch
        {
            [0, ..] => new Reason("ip/unspecified-network"),
            [10, ..] => new Reason("ip/private"),
            [100, >= 64 and <= 127, ..] => new Reason("ip/shared"),
            [127, ..] => allowLoopback ? null : new Reason("ip/loopback"),
            [169, 254, ..] => new Reason("ip/link-local-metadata"),
            [172, >= 16 and <= 31, ..] => new Reason("ip/private"),
            [192, 0, 0, _] => new Reason("ip/reserved-protocol"),
            [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => new Reason("ip/documentation"),
            [192, 88, 99, _] => new Reason("ip/reserved-6to4-relay"),
            [192, 168, ..] => new Reason("ip/private"),
            [198, 18 or 19, ..] => new Reason("ip/benchmarking"),
            [>= 224 and <= 239, ..] => new Reason("ip/multicast"),
            [255, 255, 255, 255] => new Reason("ip/broadcast"),
            [>= 240, ..] => new Reason("ip/reserved"),
            // Azure's wireserver: a public-looking address that only the platform should talk to.
            [168, 63, 129, 16] => new Reason("ip/azure-wireserver"),
            _ => null,
        };
    }

    private static Reason? IPv6Reason(IPAddress address, bool allowLoopback)
    {
        byte[] b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            return Embedded(address.MapToIPv4().GetAddressBytes(), allowLoopback, "IPv4-mapped");
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return allowLoopback ? null : new Reason("ip/loopback");
        }

        if (address.Equals(IPAddress.IPv6None))
        {
            return new Reason("ip/unspecified");
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return new Reason("ip/deprecated-ipv4-compatible"); // ::a.b.c.d, no legitimate use left
        }

        return b switch
        {
            [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] => Embedded(b[12..16], allowLoopback, "NAT64"),
            [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..] => new Reason("ip/local-nat64"),
            [0x20, 0x02, ..] => Embedded(b[2..6], allowLoopback, "6to4"),
            [0x20, 0x01, 0x00, 0x00, ..] => new Reason("ip/teredo"), // embeds an obfuscated IPv4 address
            [0x20, 0x01, 0x0d, 0xb8, ..] => new Reason("ip/documentation"),
            [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..] => new Reason("ip/discard-only"),
            [0xfe, >= 0x80 and <= 0xbf, ..] => new Reason("ip/link-local"),
            [0xfe, >= 0xc0, ..] => new Reason("ip/site-local"),
            [>= 0xfc and <= 0xfd, ..] => new Reason("ip/unique-local"),
            [0xff, ..] => new Reason("ip/multicast"),
            // Only 2000::/3 is allocated as global unicast; everything else is reserved.
            [< 0x20 or >= 0x40, ..] => new Reason("ip/reserved"),
            _ => null,
        };
    }

    /// <summary>An IPv4 address inside an IPv6 one is judged as the IPv4 address it reaches.</summary>
    private static Reason? Embedded(byte[] ipv4, bool allowLoopback, string how)
    {
        Reason? reason = IPv4Reason(ipv4, allowLoopback);
        return reason is null ? null : Reason.With("ip/embedded", ("kind", reason), ("form", how), ("ipv4", new IPAddress(ipv4).ToString()));
    }
}

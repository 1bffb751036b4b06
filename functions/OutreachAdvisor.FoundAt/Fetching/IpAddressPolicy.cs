using System.Net;
using System.Net.Sockets;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>
/// Which IP addresses a server-side fetch must never connect to: anything that is not a public
/// unicast address (private, loopback, link-local and cloud metadata, CGNAT, multicast, reserved...),
/// including IPv4 addresses smuggled inside IPv6 (mapped, compatible, 6to4, NAT64).
/// </summary>
public static class IpAddressPolicy
{
    public static bool IsForbidden(IPAddress address, bool allowLoopback) =>
        ForbiddenReason(address, allowLoopback) is not null;

    /// <summary>Why <paramref name="address"/> is forbidden ("a private address"), or null when it is a public address.</summary>
    /// <param name="allowLoopback">Lets 127.0.0.0/8 and ::1 through (local tests only); every other range stays forbidden.</param>
    public static string? ForbiddenReason(IPAddress address, bool allowLoopback)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes(), allowLoopback),
            AddressFamily.InterNetworkV6 => IPv6Reason(address, allowLoopback),
            _ => "not an IP address",
        };
    }

    private static string? IPv4Reason(byte[] b, bool allowLoopback)
    {
        return b switch
        {
            [0, ..] => "an unspecified ('this network') address",
            [10, ..] => "a private address",
            [100, >= 64 and <= 127, ..] => "a shared (CGNAT) address",
            [127, ..] => allowLoopback ? null : "a loopback address",
            [169, 254, ..] => "a link-local/metadata address",
            [172, >= 16 and <= 31, ..] => "a private address",
            [192, 0, 0, _] => "a reserved (IETF protocol) address",
            [192, 0, 2, _] or [198, 51, 100, _] or [203, 0, 113, _] => "a documentation address",
            [192, 88, 99, _] => "a reserved (6to4 relay) address",
            [192, 168, ..] => "a private address",
            [198, 18 or 19, ..] => "a benchmarking address",
            [>= 224 and <= 239, ..] => "a multicast address",
            [255, 255, 255, 255] => "a broadcast address",
            [>= 240, ..] => "a reserved address",
            // Azure's wireserver: a public-looking address that only the platform should talk to.
            [168, 63, 129, 16] => "the Azure wireserver (metadata) address",
            _ => null,
        };
    }

    private static string? IPv6Reason(IPAddress address, bool allowLoopback)
    {
        byte[] b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6)
        {
            return Embedded(address.MapToIPv4().GetAddressBytes(), allowLoopback, "IPv4-mapped");
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return allowLoopback ? null : "a loopback address";
        }

        if (address.Equals(IPAddress.IPv6None))
        {
            return "an unspecified address";
        }

        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return "a deprecated IPv4-compatible address"; // ::a.b.c.d, no legitimate use left
        }

        return b switch
        {
            [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..] => Embedded(b[12..16], allowLoopback, "NAT64"),
            [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01, ..] => "a local-use NAT64 address",
            [0x20, 0x02, ..] => Embedded(b[2..6], allowLoopback, "6to4"),
            [0x20, 0x01, 0x00, 0x00, ..] => "a Teredo tunnel address", // embeds an obfuscated IPv4 address
            [0x20, 0x01, 0x0d, 0xb8, ..] => "a documentation address",
            [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..] => "a discard-only address",
            [0xfe, >= 0x80 and <= 0xbf, ..] => "a link-local address",
            [0xfe, >= 0xc0, ..] => "a site-local address",
            [>= 0xfc and <= 0xfd, ..] => "a unique-local address",
            [0xff, ..] => "a multicast address",
            // Only 2000::/3 is allocated as global unicast; everything else is reserved.
            [< 0x20 or >= 0x40, ..] => "a reserved address",
            _ => null,
        };
    }

    /// <summary>An IPv4 address inside an IPv6 one is judged as the IPv4 address it reaches.</summary>
    private static string? Embedded(byte[] ipv4, bool allowLoopback, string how)
    {
        string? reason = IPv4Reason(ipv4, allowLoopback);
        return reason is null ? null : $"{reason} ({how} IPv6 form of {new IPAddress(ipv4)})";
    }
}

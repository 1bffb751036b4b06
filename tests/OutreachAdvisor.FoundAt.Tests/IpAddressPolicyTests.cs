using System.Net;
using OutreachAdvisor.FoundAt.Fetching;

namespace OutreachAdvisor.FoundAt.Tests;

/// <summary>The IP classification alone: pure, no network.</summary>
[TestClass]
public sealed class IpAddressPolicyTests
{
    [TestMethod]
    [DataRow("10.0.0.1", "private")]
    [DataRow("10.255.255.255", "private")]
    [DataRow("172.16.0.1", "private")]
    [DataRow("172.31.255.254", "private")]
    [DataRow("192.168.1.1", "private")]
    [DataRow("127.0.0.1", "loopback")]
    [DataRow("127.53.0.9", "loopback")]
    [DataRow("::1", "loopback")]
    [DataRow("169.254.169.254", "link-local/metadata")]
    [DataRow("169.254.0.1", "link-local/metadata")]
    [DataRow("fe80::1", "link-local")]
    [DataRow("febf::1", "link-local")]
    [DataRow("fec0::1", "site-local")]
    [DataRow("fc00::1", "unique-local")]
    [DataRow("fd00:ec2::254", "unique-local")]
    [DataRow("::ffff:127.0.0.1", "loopback")]
    [DataRow("::ffff:10.0.0.1", "private")]
    [DataRow("::ffff:169.254.169.254", "link-local/metadata")]
    [DataRow("::127.0.0.1", "IPv4-compatible")]
    [DataRow("64:ff9b::a9fe:a9fe", "link-local/metadata")]
    [DataRow("64:ff9b::7f00:1", "loopback")]
    [DataRow("64:ff9b:1::1", "NAT64")]
    [DataRow("2002:a00:1::1", "private")]
    [DataRow("2002:7f00:1::", "loopback")]
    [DataRow("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo")]
    [DataRow("2001:db8::1", "documentation")]
    [DataRow("100::1", "discard-only")]
    [DataRow("100.64.0.1", "CGNAT")]
    [DataRow("100.127.255.254", "CGNAT")]
    [DataRow("0.0.0.0", "unspecified")]
    [DataRow("0.1.2.3", "unspecified")]
    [DataRow("::", "unspecified")]
    [DataRow("224.0.0.1", "multicast")]
    [DataRow("239.255.255.250", "multicast")]
    [DataRow("ff02::1", "multicast")]
    [DataRow("255.255.255.255", "broadcast")]
    [DataRow("240.0.0.1", "reserved")]
    [DataRow("192.0.0.8", "reserved")]
    [DataRow("4000::1", "reserved")]
    [DataRow("192.0.2.1", "documentation")]
    [DataRow("198.51.100.7", "documentation")]
    [DataRow("203.0.113.9", "documentation")]
    [DataRow("198.18.0.1", "benchmarking")]
    [DataRow("168.63.129.16", "wireserver")]
    public void Refuses_non_public_addresses(string ip, string expectedKind)
    {
        var address = IPAddress.Parse(ip);

        Assert.IsTrue(IpAddressPolicy.IsForbidden(address, allowLoopback: false), ip);
        Assert.Contains(expectedKind, IpAddressPolicy.ForbiddenReason(address, allowLoopback: false)!);
    }

    [TestMethod]
    [DataRow("93.184.216.34")]
    [DataRow("8.8.8.8")]
    [DataRow("1.1.1.1")]
    [DataRow("172.15.255.255")]
    [DataRow("172.32.0.1")]
    [DataRow("100.63.255.255")]
    [DataRow("100.128.0.1")]
    [DataRow("169.253.1.1")]
    [DataRow("168.63.129.17")]
    [DataRow("223.255.255.254")]
    [DataRow("2606:4700:4700::1111")]
    [DataRow("2a00:1450:4001::200e")]
    [DataRow("::ffff:8.8.8.8")]
    [DataRow("2002:808:808::1")]
    public void Allows_public_addresses(string ip)
    {
        var address = IPAddress.Parse(ip);

        Assert.IsFalse(IpAddressPolicy.IsForbidden(address, allowLoopback: false), IpAddressPolicy.ForbiddenReason(address, false));
    }

    [TestMethod]
    [DataRow("127.0.0.1")]
    [DataRow("127.1.2.3")]
    [DataRow("::1")]
    [DataRow("::ffff:127.0.0.1")]
    public void AllowLoopback_lets_loopback_through(string ip)
    {
        Assert.IsFalse(IpAddressPolicy.IsForbidden(IPAddress.Parse(ip), allowLoopback: true));
    }

    [TestMethod]
    [DataRow("10.0.0.1")]
    [DataRow("172.16.0.1")]
    [DataRow("192.168.0.1")]
    [DataRow("169.254.169.254")]
    [DataRow("168.63.129.16")]
    [DataRow("fe80::1")]
    [DataRow("fc00::1")]
    [DataRow("0.0.0.0")]
    [DataRow("::")]
    [DataRow("::ffff:10.0.0.1")]
    [DataRow("100.64.0.1")]
    public void AllowLoopback_still_refuses_everything_else(string ip)
    {
        Assert.IsTrue(IpAddressPolicy.IsForbidden(IPAddress.Parse(ip), allowLoopback: true), ip);
    }
}

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace OutreachAdvisor.Api;

/// <summary>
/// Which Host headers the server answers (issue 15.6: a page that rebinds its own name to 127.0.0.1 could
/// otherwise read the local mailbox through the user's browser). <c>outreach serve</c> answers loopback names
/// and addresses only; the Functions app answers any host unless <c>Http:AllowedHosts</c> lists them
/// (semicolon-separated, e.g. <c>outreach-func.azurewebsites.net;api.addin.example</c>; the platform routes
/// only the app's own hostnames there anyway). A refused request gets a 400 problem.
/// </summary>
public sealed class HostFilter
{
    public const string Setting = "Http:AllowedHosts";

    private readonly HashSet<string>? _allowed;
    private readonly bool _loopback;

    private HostFilter(HashSet<string>? allowed, bool loopback)
    {
        _allowed = allowed;
        _loopback = loopback;
    }

    /// <summary>Loopback only: localhost, 127.0.0.0/8 and ::1 (and any names <paramref name="alsoAllowed"/> adds).</summary>
    public static HostFilter Loopback(IEnumerable<string>? alsoAllowed = null) => new(Names(alsoAllowed), loopback: true);

    /// <summary>Any host (null or empty setting), or exactly the listed ones.</summary>
    public static HostFilter FromSetting(string? hosts) => new(Names(hosts?.Split(';')), loopback: false);

    public static HostFilter FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return FromSetting(configuration[Setting]);
    }

    /// <summary>Whether any Host is answered (nothing configured on the Functions app).</summary>
    public bool AllowsAny => !_loopback && _allowed is null;

    public bool Allows(HostString host)
    {
        if (AllowsAny)
            return true;
        if (!host.HasValue)
            return false;
        string name = host.Host.TrimEnd('.');
        if (_allowed?.Contains(name) == true)
            return true;
        return _loopback && IsLoopback(name);
    }

    /// <summary>Writes the 400 problem when the request's Host is not answered; true when the request may go on.</summary>
    public async ValueTask<bool> CheckAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Allows(context.Request.Host))
            return true;
        context.Response.Headers.Connection = "close";
        await Problems.WriteAsync(context.Response, Problems.HostNotAllowed(), context.RequestAborted).ConfigureAwait(false);
        return false;
    }

    private static bool IsLoopback(string name) =>
        name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(name.Trim('[', ']'), out IPAddress? address) && IPAddress.IsLoopback(address) && IsCanonical(name, address));

    /// <summary>"127.1" and "2130706433" parse as loopback too; only the usual dotted or bracketed form is a Host a browser sends.</summary>
    private static bool IsCanonical(string name, IPAddress address) =>
        string.Equals(name.Trim('[', ']'), address.ToString(), StringComparison.OrdinalIgnoreCase);

    private static HashSet<string>? Names(IEnumerable<string>? names)
    {
        string[] cleaned = (names ?? []).Select(n => n.Trim().TrimEnd('.')).Where(n => n.Length > 0).ToArray();
        return cleaned.Length == 0 ? null : new HashSet<string>(cleaned, StringComparer.OrdinalIgnoreCase);
    }
}

using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.FoundAt.Discovery;

/// <summary>
/// Discovery as a host's settings ask for it (docs/found-at.md, "Turning discovery off"):
/// <c>Discovery:Enabled</c> (<c>Discovery__Enabled</c> as an environment variable or app setting),
/// true or false; when absent, the host's default (on in the Functions app, off for `outreach serve`).
/// </summary>
public static class DiscoverySetup
{
    public const string EnabledSetting = "Discovery:Enabled";

    /// <exception cref="InvalidOperationException">The setting is neither true nor false.</exception>
    public static bool IsEnabled(Func<string, string?> setting, bool byDefault)
    {
        ArgumentNullException.ThrowIfNull(setting);
        string? value = setting(EnabledSetting)?.Trim();
        return string.IsNullOrEmpty(value) ? byDefault
            : bool.TryParse(value, out bool enabled) ? enabled
            : throw new InvalidOperationException($"{EnabledSetting} must be true or false, not '{value}'.");
    }

    /// <summary>Discovery with the given cache (in memory when null), or null when the settings turn it off.</summary>
    public static IAddressDiscovery? FromSettings(Func<string, string?> setting, bool byDefault, IDiscoveryCache? cache = null) =>
        IsEnabled(setting, byDefault) ? new SiteDiscovery(cache: cache) : null;
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OutreachAdvisor.Analysis.Context;

namespace OutreachAdvisor.Api.Tests;

/// <summary>
/// Issue 15: a bad RateLimits:* value stops the host when it starts, naming the setting, instead of failing the
/// first request that creates the limiter. The host is built with AddOutreachApi, as the Functions app's Program does.
/// </summary>
[TestClass]
public sealed class StartupSettingsTests
{
    private static IHost Host(params KeyValuePair<string, string?>[] settings)
    {
        HostApplicationBuilder builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOutreachApi(new FixedAnalysisSources(ContextSources.None));
        return builder.Build();
    }

    [TestMethod]
    [DataRow("RateLimits:AnalyzePerMinute", "sixty")]
    [DataRow("RateLimits:ReportsPerMinute", "-5")]
    [DataRow("RateLimits:AnalyzePerMinute", "2.5")]
    public async Task A_rate_limit_that_is_not_a_whole_number_fails_the_start_naming_the_setting(string setting, string value)
    {
        using IHost host = Host(new KeyValuePair<string, string?>(setting, value));

        OptionsValidationException error = await Assert.ThrowsExactlyAsync<OptionsValidationException>(() => host.StartAsync());

        string line = error.Failures.Single();
        StringAssert.Contains(line, setting);
        StringAssert.Contains(line, $"'{value}'");
        Assert.IsFalse(line.Contains('\n', StringComparison.Ordinal), "one line");
    }

    [TestMethod]
    public async Task Good_or_absent_rate_limits_start_and_are_the_limiters()
    {
        using IHost host = Host(new("RateLimits:AnalyzePerMinute", "0"), new("RateLimits:ReportsPerMinute", "12"));

        await host.StartAsync();

        RateLimitSettings settings = host.Services.GetRequiredService<ApiRateLimiter>().Settings;
        Assert.AreEqual(0, settings.AnalyzePerMinute);
        Assert.AreEqual(12, settings.ReportsPerMinute);
        await host.StopAsync();

        using IHost defaults = Host();
        await defaults.StartAsync();
        Assert.AreEqual(new RateLimitSettings(), defaults.Services.GetRequiredService<ApiRateLimiter>().Settings);
        await defaults.StopAsync();
    }
}

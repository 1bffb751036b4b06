using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OutreachAdvisor.Api;

/// <summary>
/// Checks the API's numeric settings (<c>RateLimits:*</c>) when the host starts (options validation with
/// <c>ValidateOnStart</c>): a value that is not a whole number fails the Functions host's start-up, and
/// <c>outreach serve</c> exits 2, with one line naming the setting - not on the first request that needs it.
/// </summary>
public sealed class ApiSettingsValidation(IServiceProvider services) : IValidateOptions<ApiStartupSettings>
{
    /// <summary>Registers the check so that starting the host runs it.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<ApiStartupSettings>, ApiSettingsValidation>();
        services.AddOptions<ApiStartupSettings>().ValidateOnStart();
    }

    /// <summary>The first problem with the settings, in one line naming the setting; null when there is none.</summary>
    public static string? Problem(IConfiguration? configuration)
    {
        try
        {
            RateLimitSettings.From(configuration);
            return null;
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }
    }

    public ValidateOptionsResult Validate(string? name, ApiStartupSettings options) =>
        Problem(services.GetService<IConfiguration>()) is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}

namespace OutreachAdvisor.Api;

/// <summary>
/// The options the API's start-up check of its settings hangs on (<see cref="ApiSettingsValidation"/>); it holds
/// nothing itself: the settings are read from the host's configuration where they are used.
/// </summary>
public sealed class ApiStartupSettings;

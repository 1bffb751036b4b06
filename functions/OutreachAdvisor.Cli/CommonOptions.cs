using System.CommandLine;
using System.Globalization;
using OutreachAdvisor.Analysis;

namespace OutreachAdvisor.Cli;

/// <summary>Options several commands share, defined once so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json(string description) => new("--json") { Description = description };

    /// <summary>--lang en|it; anything else is a usage error. Without it, the system's language (Italian or English).</summary>
    public static Option<string> Lang()
    {
        var lang = new Option<string>("--lang")
        {
            Description = "Language of the findings and pages: en or it (default: the system's language)",
            HelpName = "en|it",
            DefaultValueFactory = _ => UiLanguages.Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
        };
        lang.Validators.Add(result =>
        {
            string? value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (value is not null && !UiLanguages.Supported.Contains(value))
                result.AddError($"--lang must be en or it, not '{value}'");
        });
        return lang;
    }

    public static Option<string[]> Mailbox(string description, bool required = false) => new("--mailbox")
    {
        Description = description,
        HelpName = "PATH",
        Required = required,
        AllowMultipleArgumentsPerToken = false,
        // Each --mailbox needs its PATH; the option may be repeated.
        Arity = ArgumentArity.OneOrMore,
    };
}

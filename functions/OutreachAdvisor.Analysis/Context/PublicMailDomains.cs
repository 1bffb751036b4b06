namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// Public webmail providers: an address there says nothing about anyone's organisation, so two
/// gmail.com users are not colleagues and "gmail" is never anyone's outlet. This is the only list of them.
/// </summary>
public static class PublicMailDomains
{
    /// <summary>Domains matched exactly.</summary>
    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        // Google, Microsoft, Apple, Yahoo, AOL
        "gmail.com", "googlemail.com",
        "outlook.com", "outlook.it", "live.com", "live.it", "msn.com",
        "icloud.com", "me.com", "mac.com",
        "ymail.com", "aol.com",
        // Privacy-minded and independent providers
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
        "tutanota.com", "tuta.io", "fastmail.com", "hey.com", "zoho.com", "mail.com",
        "web.de", "mail.ru", "qq.com", "163.com",
        // Italian providers (the product checks Italian mail too)
        "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tim.it", "tin.it",
        "fastwebnet.it", "email.it", "inwind.it",
    };

    /// <summary>
    /// Providers with one domain per country (gmx.de, gmx.net, yahoo.co.uk...): matched when the
    /// first label is one of these and at most two labels follow it.
    /// </summary>
    private static readonly HashSet<string> AnyCountry = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmx", "yandex", "yahoo", "hotmail",
    };

    /// <summary>
    /// Provider names that are a webmail domain under any top-level domain, so test and documentation domains
    /// (gmail.example, libero.example) read as webmail too: matched as the first of two labels only, so
    /// mail.acme.example (a company's mail host) is not one.
    /// </summary>
    private static readonly HashSet<string> Brands = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail", "googlemail", "outlook", "hotmail", "live", "msn", "icloud", "ymail", "yahoo", "aol",
        "proton", "protonmail", "tutanota", "fastmail", "gmx", "yandex", "libero", "virgilio", "tiscali", "alice", "inwind", "fastwebnet",
    };

    public static bool Contains(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        string normalized = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (Exact.Contains(normalized))
        {
            return true;
        }

        string[] labels = normalized.Split('.');
        return (labels.Length is 2 or 3 && AnyCountry.Contains(labels[0])) || (labels.Length == 2 && Brands.Contains(labels[0]));
    }
}

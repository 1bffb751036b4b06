namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// Webmail and consumer providers: an address there says nothing about anyone's organisation,
/// so two gmail.com users are not colleagues and "gmail" is never anyone's outlet.
/// </summary>
public static class PublicMailDomains
{
    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "outlook.it", "hotmail.com", "hotmail.it", "hotmail.co.uk", "live.com", "live.it", "msn.com",
        "yahoo.com", "yahoo.it", "yahoo.co.uk", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me",
        "gmx.com", "gmx.net", "gmx.de", "gmx.it", "web.de", "mail.com", "zoho.com", "yandex.com", "yandex.ru", "fastmail.com", "tutanota.com", "hey.com",
        "libero.it", "virgilio.it", "tiscali.it", "alice.it", "tim.it", "tin.it", "inwind.it", "email.it", "fastwebnet.it", "pec.it", "legalmail.it",
    };

    public static bool Contains(string domain) => Exact.Contains(domain.Trim().TrimEnd('.'));
}

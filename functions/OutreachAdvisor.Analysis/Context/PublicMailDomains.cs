using System.Collections.Frozen;
using System.Text.Json;
using OutreachAdvisor.Analysis.Text;

namespace OutreachAdvisor.Analysis.Context;

/// <summary>
/// Public webmail providers: an address there says nothing about anyone's organisation, so two
/// gmail.com users are not colleagues and "gmail" is never anyone's outlet. The only list of them is
/// Lexicons/mail-domains.json (words are data, like every rule's words).
/// </summary>
public static class PublicMailDomains
{
    private static readonly (FrozenSet<string> Exact, FrozenSet<string> AnyCountry, FrozenSet<string> Brands) Lists = Load();

    public static bool Contains(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        string normalized = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (Lists.Exact.Contains(normalized))
            return true;

        // A provider with one domain per country: its name, then at most two labels (gmx.de, yahoo.co.uk); a
        // brand under any top-level domain: its name and one label (gmail.example, not mail.acme.example).
        string[] labels = normalized.Split('.');
        return (labels.Length is 2 or 3 && Lists.AnyCountry.Contains(labels[0])) || (labels.Length == 2 && Lists.Brands.Contains(labels[0]));
    }

    private static (FrozenSet<string>, FrozenSet<string>, FrozenSet<string>) Load()
    {
        using var document = JsonDocument.Parse(Lexicon.ReadResource("mail-domains.json"));
        JsonElement root = document.RootElement;
        return (Lexicon.WordSet(root, "exact"), Lexicon.WordSet(root, "anyCountry"), Lexicon.WordSet(root, "brands"));
    }
}

using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>Names a recipient can be greeted by, from their display name and the local part of their address.</summary>
public static class RecipientNames
{
    // The word lists live in Lexicons/recipient-names.json (words are data, like every rule's words).
    private static readonly (FrozenSet<string> RoleMailboxes, FrozenDictionary<string, string[]> ShortForms, FrozenSet<string> Particles) Words = Load();

    /// <summary>Lower-case words inside a name ("de", "van", "della"), which a greeting's name may hold.</summary>
    internal static FrozenSet<string> NameParticles => Words.Particles;

    /// <summary>The words of a recipient's name, lower-case and without accents; empty when nothing person-like is known.</summary>
    public static IReadOnlyList<string> Tokens(EmailAddress recipient)
    {
        var tokens = new List<string>();
        if (!string.IsNullOrWhiteSpace(recipient.Name))
        {
            foreach (ReadOnlySpan<char> word in new WordEnumerator(recipient.Name))
                tokens.Add(Fold(word));
        }
        string local = recipient.LocalPart;
        if (!Words.RoleMailboxes.Contains(local))
        {
            foreach (string part in local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries))
            {
                string letters = new(part.Where(char.IsLetter).ToArray());
                if (letters.Length >= 2)
                    tokens.Add(Fold(letters));
            }
        }
        return tokens;
    }

    /// <summary>The first name of the message's only To recipient; null when there are several or no name is known.</summary>
    public static string? OnlyToFirstName(MessageInput message) => message.To.Count == 1 ? FirstName(message.To[0]) : null;

    /// <summary>A first name to greet the recipient by, or null when none is known.</summary>
    public static string? FirstName(EmailAddress recipient)
    {
        if (!string.IsNullOrWhiteSpace(recipient.Name))
        {
            string name = recipient.Name.Trim().Trim('"', '\'');
            // "Doe, Jane" is how directories write "Jane Doe".
            int comma = name.IndexOf(',');
            if (comma > 0 && comma < name.Length - 1)
                name = name[(comma + 1)..].Trim();
            var words = new WordEnumerator(name);
            if (words.MoveNext() && char.IsUpper(words.Current[0]))
                return words.Current.ToString();
        }
        string local = recipient.LocalPart;
        int separator = local.IndexOfAny(['.', '_', '-']);
        string first = separator > 0 ? local[..separator] : string.Empty;
        if (first.Length >= 2 && first.All(char.IsLetter) && !Words.RoleMailboxes.Contains(local))
            return char.ToUpperInvariant(first[0]) + first[1..].ToLowerInvariant();
        return null;
    }

    /// <summary>
    /// Whether a greeting name can refer to the recipient: a shared word ("Jane" in "Jane Doe"),
    /// a short form ("Tom" for "Thomas"), or a word inside the address ("Doe" in jdoe@...).
    /// </summary>
    public static bool CanName(string greetingName, EmailAddress recipient, IReadOnlyList<string> recipientTokens)
    {
        string local = Fold(recipient.LocalPart);
        foreach (ReadOnlySpan<char> word in new WordEnumerator(greetingName))
        {
            string greeting = Fold(word);
            if (greeting.Length < 2)
                continue;
            foreach (string token in recipientTokens)
            {
                if (token == greeting || (greeting.Length >= 3 && token.Length >= 3 && (token.StartsWith(greeting, StringComparison.Ordinal) || greeting.StartsWith(token, StringComparison.Ordinal))))
                    return true;
                if (Words.ShortForms.TryGetValue(greeting, out string[]? full) && full.Contains(token))
                    return true;
            }
            if (greeting.Length >= 3 && local.Contains(greeting, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>Lower-case without accents, so "Nicolò" and "nicolo" compare equal.</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        string decomposed = text.ToString().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }

    private static (FrozenSet<string>, FrozenDictionary<string, string[]>, FrozenSet<string>) Load()
    {
        using var document = JsonDocument.Parse(Lexicon.ReadResource("recipient-names.json"));
        JsonElement root = document.RootElement;
        var shortForms = root.GetProperty("shortForms").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(e => e.GetString()!).ToArray(), StringComparer.Ordinal);
        return (Lexicon.WordSet(root, "roleMailboxes"), shortForms, Lexicon.WordSet(root, "nameParticles"));
    }
}

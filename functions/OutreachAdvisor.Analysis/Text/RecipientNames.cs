using System.Globalization;
using System.Text;
using OutreachAdvisor.Analysis.Model;

namespace OutreachAdvisor.Analysis.Text;

/// <summary>Names a recipient can be greeted by, from their display name and the local part of their address.</summary>
public static class RecipientNames
{
    // Local parts that belong to a role or a shared inbox, not to a person.
    private static readonly HashSet<string> RoleMailboxes = new(StringComparer.OrdinalIgnoreCase)
    {
        "info", "contact", "contatti", "hello", "hi", "ciao", "press", "stampa", "media", "news", "newsletter", "team", "office", "admin", "support",
        "help", "sales", "marketing", "jobs", "careers", "hr", "editor", "editors", "redazione", "tips", "pitch", "pitches", "mail", "email", "inbox",
        "noreply", "no-reply", "postmaster", "webmaster", "segreteria", "amministrazione", "all", "everyone", "staff",
    };

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
        if (!RoleMailboxes.Contains(local))
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
        if (first.Length >= 2 && first.All(char.IsLetter) && !RoleMailboxes.Contains(local))
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
                if (ShortForms.TryGetValue(greeting, out string[]? full) && full.Contains(token))
                    return true;
            }
            if (greeting.Length >= 3 && local.Contains(greeting, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    // Short forms that do not start like the name they stand for ("Tom" starts like "Tomas" but not "Thomas").
    private static readonly Dictionary<string, string[]> ShortForms = new(StringComparer.Ordinal)
    {
        ["tom"] = ["thomas"],
        ["bob"] = ["robert"],
        ["bobby"] = ["robert"],
        ["bill"] = ["william"],
        ["will"] = ["william"],
        ["liam"] = ["william"],
        ["jim"] = ["james"],
        ["jimmy"] = ["james"],
        ["dick"] = ["richard"],
        ["rick"] = ["richard", "frederick"],
        ["peggy"] = ["margaret"],
        ["maggie"] = ["margaret"],
        ["meg"] = ["margaret"],
        ["liz"] = ["elizabeth"],
        ["beth"] = ["elizabeth"],
        ["betty"] = ["elizabeth"],
        ["kate"] = ["katherine", "catherine", "kathryn"],
        ["katie"] = ["katherine", "catherine"],
        ["cathy"] = ["catherine"],
        ["kathy"] = ["katherine"],
        ["jack"] = ["john"],
        ["johnny"] = ["john", "jonathan"],
        ["ted"] = ["edward"],
        ["ned"] = ["edward"],
        ["tony"] = ["anthony", "antonio"],
        ["sandy"] = ["alexandra", "sandra"],
        ["sasha"] = ["alexander", "alexandra"],
        ["harry"] = ["henry", "harold"],
        ["hank"] = ["henry"],
        ["chuck"] = ["charles"],
        ["charlie"] = ["charles", "charlotte"],
        ["polly"] = ["mary"],
        ["molly"] = ["mary"],
        ["beppe"] = ["giuseppe"],
        ["peppe"] = ["giuseppe"],
        ["pino"] = ["giuseppe"],
        ["gigi"] = ["luigi"],
        ["pippo"] = ["filippo"],
        ["sandro"] = ["alessandro"],
        ["max"] = ["massimo", "maximilian"],
        ["gianni"] = ["giovanni"],
        ["nino"] = ["antonino", "giovanni"],
        ["betta"] = ["elisabetta"],
        ["lisa"] = ["elisabetta", "elisa"],
        ["toto"] = ["salvatore"],
        ["turi"] = ["salvatore"],
        ["enzo"] = ["vincenzo", "lorenzo"],
        ["cecco"] = ["francesco"],
        ["checco"] = ["francesco"],
        ["ciccio"] = ["francesco"],
        ["franco"] = ["francesco"],
        ["lele"] = ["emanuele", "gabriele", "raffaele"],
        ["vale"] = ["valentina", "valeria", "valerio"],
        ["fede"] = ["federico", "federica"],
        ["ale"] = ["alessandro", "alessandra", "alessio"],
        ["bea"] = ["beatrice"],
        ["titti"] = ["tiziana"],
        ["mimmo"] = ["domenico"],
    };

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
}

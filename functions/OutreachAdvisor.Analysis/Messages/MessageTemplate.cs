using System.Globalization;
using System.Text;

namespace OutreachAdvisor.Analysis.Messages;

/// <summary>
/// Renders a message template: <c>{name}</c> is replaced by the value of <c>name</c>, and
/// <c>{count|one|many}</c> picks the word for a count of one or for any other count. Templates are
/// ours (rule.json, shared.json); a name without a value is a bug and throws.
/// </summary>
public static class MessageTemplate
{
    public static string Render(string template, IReadOnlyDictionary<string, object> args, string language)
    {
        var text = new StringBuilder(template.Length + 32);
        int i = 0;
        while (i < template.Length)
        {
            int open = template.IndexOf('{', i);
            if (open < 0)
            {
                text.Append(template, i, template.Length - i);
                break;
            }
            int close = template.IndexOf('}', open);
            if (close < 0)
                throw new FormatException($"Unclosed placeholder in \"{template}\".");
            text.Append(template, i, open - i);
            string[] parts = template[(open + 1)..close].Split('|');
            if (!args.TryGetValue(parts[0], out object? value))
                throw new KeyNotFoundException($"No value for {{{parts[0]}}} in \"{template}\".");
            text.Append(parts.Length == 3 ? (Convert.ToInt64(value, CultureInfo.InvariantCulture) == 1 ? parts[1] : parts[2]) : Format(value, language));
            i = close + 1;
        }
        return text.ToString();
    }

    /// <summary>The placeholder names a template uses.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        for (int open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', open + 1))
        {
            int close = template.IndexOf('}', open);
            if (close > open)
                yield return template[(open + 1)..close].Split('|')[0];
        }
    }

    internal static string Format(object value, string language) => value switch
    {
        string s => s,
        Reason reason => Localizer.Render(reason, language),
        ReasonList list => string.Join(list.Separator, list.Items.Select(item => Format(item, language))),
        IEnumerable<string> list => string.Join(", ", list),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}

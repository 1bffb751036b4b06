namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>
/// Reads the e-mail addresses of the vCards (2.1, 3.0, 4.0) in one .vcf text. MimeKit has no vCard
/// parser and only EMAIL properties matter here, so this reads just those.
/// </summary>
internal static class VCardReader
{
    /// <summary>The EMAIL values of every card, normalised; null when the text holds no vCard at all.</summary>
    public static IReadOnlyList<string>? ReadAddresses(string text)
    {
        var addresses = new List<string>();
        bool sawCard = false;
        foreach (string line in Unfold(text))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            string name = PropertyName(line[..colon]);
            string value = line[(colon + 1)..].Trim();
            if (name.Equals("BEGIN", StringComparison.OrdinalIgnoreCase) && value.Equals("VCARD", StringComparison.OrdinalIgnoreCase))
            {
                sawCard = true;
            }
            else if (name.Equals("EMAIL", StringComparison.OrdinalIgnoreCase) && value.Contains('@', StringComparison.Ordinal))
            {
                addresses.Add(MailAddress.Normalize(StripMailto(value)));
            }
        }

        return sawCard ? addresses : null;
    }

    /// <summary>
    /// Joins folded lines: a line break followed by a space or tab continues the previous line
    /// (RFC 6350 section 3.2), and the break plus that one whitespace character are removed.
    /// </summary>
    private static IEnumerable<string> Unfold(string text)
    {
        var current = new System.Text.StringBuilder();
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (current.Length > 0)
            {
                yield return current.ToString();
            }

            current.Clear().Append(line);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    /// <summary>"item1.EMAIL;TYPE=INTERNET" -> "EMAIL": drops the group prefix and the parameters.</summary>
    private static string PropertyName(string nameAndParameters)
    {
        int semicolon = nameAndParameters.IndexOf(';', StringComparison.Ordinal);
        string name = semicolon < 0 ? nameAndParameters : nameAndParameters[..semicolon];
        int dot = name.LastIndexOf('.');
        return (dot < 0 ? name : name[(dot + 1)..]).Trim();
    }

    private static string StripMailto(string value) =>
        value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? value["mailto:".Length..] : value;
}

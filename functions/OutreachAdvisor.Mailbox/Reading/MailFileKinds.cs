namespace OutreachAdvisor.Mailbox.Reading;

internal static class MailFileKinds
{
    /// <summary>What a file holds, judged by its name; null for files that are not read.</summary>
    public static MailFileKind? Of(string path)
    {
        string name = Path.GetFileName(path);
        if (name.Equals("mbox", StringComparison.OrdinalIgnoreCase))
        {
            return MailFileKind.Mbox;
        }

        return Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".eml" => MailFileKind.Message,
            ".mbox" => MailFileKind.Mbox,
            ".vcf" => MailFileKind.Contacts,
            _ => null,
        };
    }
}

namespace OutreachAdvisor.Mailbox.Reading;

internal enum MailFileKind
{
    /// <summary>One MIME message (.eml).</summary>
    Message,

    /// <summary>Many messages, each after a "From " line (.mbox, or a file named "mbox").</summary>
    Mbox,

    /// <summary>vCards (.vcf).</summary>
    Contacts,
}

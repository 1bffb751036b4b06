namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>A file to read; <paramref name="Named"/> when the user gave it directly rather than a folder holding it.</summary>
internal sealed record MailFile(string Path, MailFileKind Kind, bool Named);

namespace OutreachAdvisor.Mailbox.Reading;

/// <summary>One address read from a header, with its display name when there was one.</summary>
internal readonly record struct RecoveredAddress(string? Name, string Address);

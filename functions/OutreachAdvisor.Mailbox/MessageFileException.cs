namespace OutreachAdvisor.Mailbox;

/// <summary>A message file the user gave cannot be checked; the message is one line.</summary>
public sealed class MessageFileException(string message) : Exception(message);

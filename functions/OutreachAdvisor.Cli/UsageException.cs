namespace OutreachAdvisor.Cli;

/// <summary>The user's command line is wrong; the message is the one line printed before exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

namespace OutreachAdvisor.Cli.Output;

/// <summary>ANSI colours, only when writing to a terminal and NO_COLOR is not set.</summary>
public sealed record Colors(string Red, string Yellow, string Blue, string Green, string Dim, string Bold, string Reset)
{
    public static readonly Colors None = new("", "", "", "", "", "", "");
    private static readonly Colors Ansi = new("\u001b[31m", "\u001b[33m", "\u001b[36m", "\u001b[32m", "\u001b[2m", "\u001b[1m", "\u001b[0m");

    public static Colors For(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null ? Ansi : None;
}

using System.Globalization;

namespace OutreachAdvisor.FoundAt.Fetching;

/// <summary>Sizes and durations as people read them in refusal reasons ("1 MB", "5 s").</summary>
internal static class Units
{
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1_048_576 when bytes % 1_048_576 == 0 => Invariant($"{bytes / 1_048_576} MB"),
        >= 1024 when bytes % 1024 == 0 => Invariant($"{bytes / 1024} KB"),
        _ => Invariant($"{bytes} bytes"),
    };

    public static string Duration(TimeSpan duration) =>
        duration.Ticks % TimeSpan.TicksPerSecond == 0
            ? Invariant($"{(long)duration.TotalSeconds} s")
            : Invariant($"{(long)duration.TotalMilliseconds} ms");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

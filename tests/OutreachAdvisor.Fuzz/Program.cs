using OutreachAdvisor.Fuzz;
using SharpFuzz;

// Usage: OutreachAdvisor.Fuzz HARNESS            (under afl-fuzz: fuzz.sh runs it)
//        OutreachAdvisor.Fuzz HARNESS FILE...    (replays inputs once, printing any exception)
if (args.Length == 0 || !FuzzHarnesses.All.TryGetValue(args[0], out Action<byte[]>? harness))
{
    Console.Error.WriteLine($"usage: OutreachAdvisor.Fuzz {string.Join('|', FuzzHarnesses.All.Keys)} [FILE...]");
    return 2;
}

if (args.Length > 1)
{
    int failures = 0;
    foreach (string file in args.Skip(1))
    {
        try
        {
            harness(File.ReadAllBytes(file));
        }
#pragma warning disable CA1031 // Replaying: every exception is reported, none is fatal.
        catch (Exception error)
#pragma warning restore CA1031
        {
            failures++;
            Console.Error.WriteLine($"{file}: {error.GetType().Name}: {error.Message}");
        }
    }
    return failures == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    harness(buffer.ToArray());
});
return 0;

using OutreachAdvisor.Benchmarks;

// `-- load [requests] [clients]` runs the HTTP load test against `outreach serve`; anything else but `cost` goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
    return await LoadTest.RunAsync(args[1..]);
// `-- cost [runs]` prints CPU time per analysis of the adversarial 1 MiB request and of a 5 KB message.
if (args.Length > 0 && args[0] == "cost")
    return AnalysisCost.Run(args[1..]);

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(AnalysisBenchmarks).Assembly).Run(args);
return 0;

using OutreachAdvisor.Benchmarks;

// `-- load [requests] [clients]` runs the HTTP load test against `outreach serve`; anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "load")
    return await LoadTest.RunAsync(args[1..]);

BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(AnalysisBenchmarks).Assembly).Run(args);
return 0;

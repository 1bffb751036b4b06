using OutreachAdvisor.Training;

// dotnet run --project tools/OutreachAdvisor.Training -c Release [-- --explore]
// Trains on the train split, tunes thresholds on dev, writes the models and the training report.
// --explore prints dev scores for a grid of settings and writes nothing. The test split is never read.
// --languages FOLDER prints how the built-in language detector reads a folder of language files.
string root = RepoRoot.Find();
var trainer = new ModelTrainer(root, Console.Out);
if (args.Length == 2 && args[0] == "--languages")
    return LanguageCheck.Run(args[1], Console.Out);
return args.Contains("--explore") ? await trainer.ExploreAsync() : await trainer.RunAsync();

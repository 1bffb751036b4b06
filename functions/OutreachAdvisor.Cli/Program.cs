using OutreachAdvisor.Cli;

return await OutreachCli.RunAsync(args, Console.OpenStandardInput(), Console.Out, Console.Error).ConfigureAwait(false);

using Drp.Cli;

return await CliApp.RunAsync(args, CliConsole.System);

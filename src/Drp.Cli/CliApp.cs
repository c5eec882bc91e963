using System.CommandLine;
using Drp.Cli.Commands;

namespace Drp.Cli;

/// <summary>The <c>drp</c> command line: builds the commands, parses, runs, and returns the exit code.</summary>
public static class CliApp
{
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("drp: turn long chains of thought into pruned training sets (DRP: skill-aware step decomposition, step-wise pruning, answer checks, export)")
        {
            StageCommands.Decompose(console),
            StageCommands.Prune(console),
            StageCommands.Validate(console),
            ExportCommand.Create(console),
            DecontaminateCommand.Create(console),
            RunCommand.Create(console),
            GradeCommand.Create(console),
            StatsCommand.Create(console),
            ReportCommand.Create(console),
            MergeCommand.Create(console),
            StatusCommand.Create(console),
            ExplainCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand(console);
        try
        {
            args = RunConfig.Expand(root, RunResume.Expand(root, args));
        }
        catch (Exception e) when (e is ArgumentException or Core.Io.InputException)
        {
            await console.Error.WriteLineAsync($"drp: error: {e.Message}");
            return ExitCodes.BadInput;
        }

        if (args.Length == 0)
        {
            // Bare drp: the command list, and nothing done.
            await root.Parse("--help").InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
            await console.Out.WriteAsync(HelpExamples.For(root));
            return ExitCodes.BadInput;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync($"drp: error: {ParseErrorMessage.For(parse)}");
            return ExitCodes.BadInput;
        }

        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            var exitCode = await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
            await console.Out.WriteAsync(HelpExamples.For(parse.CommandResult.Command));
            return exitCode;
        }

        var output = args.Contains("--version") ? console.Out : console.Error;
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = console.Error }, cancellationToken);
    }
}

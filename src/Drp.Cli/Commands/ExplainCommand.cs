using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Stats;

namespace Drp.Cli.Commands;

/// <summary><c>drp explain RUN ID</c>: one record of a run pruned with --explain, step by step, with the rule that decided each.</summary>
public static class ExplainCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var run = new Argument<string>("run") { Description = "A run folder (drp run --out DIR --explain) or a file of pruned records (drp prune --explain -o FILE)" };
        var id = new Argument<string>("id") { Description = "The record's id" };
        var command = new Command("explain", "Show one pruned record as its original steps, each with what became of it and the offline teacher's rule that decided it") { run, id };
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async _ =>
        {
            var path = parse.GetValue(run)!;
            var file = Directory.Exists(path) ? Path.Combine(RunFolderArgument.Resolve(path), RunDirectory.Validated) : path;
            var wanted = parse.GetValue(id)!;
            var seen = 0;
            await foreach (var record in RecordLoader.LoadAsync(file, new LoadOptions(), cancellationToken: ct))
            {
                seen++;
                if (record.Id == wanted)
                {
                    await console.Out.WriteAsync(PruningExplanation.Of(record));
                    return ExitCodes.Ok;
                }
            }

            throw new InputException($"{file} has no record {wanted} (it holds {seen} records)");
        }));
        return command;
    }
}

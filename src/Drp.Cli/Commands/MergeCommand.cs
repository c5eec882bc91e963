using System.CommandLine;
using Drp.Core.Stages;

namespace Drp.Cli.Commands;

/// <summary><c>drp merge --out DIR SHARD_DIR…</c>: one run directory from the run directories of shards.</summary>
public static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var shards = new Argument<string[]>("shards") { Description = "Run directories of shards (drp run --shard K/N --out DIR)", Arity = ArgumentArity.OneOrMore };
        var outDir = new Option<string>("--out") { Description = "The merged run directory", Required = true };
        var force = new Option<bool>("--force") { Description = "Merge into --out even when it holds a run of another input (that run's outputs are replaced)" };
        var command = new Command("merge", "Merge the run directories of shards into one, in input order, each record once: the outputs of one unsharded run") { shards };
        command.Options.Add(outDir);
        command.Options.Add(force);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var summary = await ShardMerger.MergeAsync(parse.GetValue(shards)!, parse.GetValue(outDir)!, [.. parse.Tokens.Select(t => t.Value)], parse.GetValue(force), ct);
            log.Information("merged {Shards} shards: {Records} records, {Exported} exported, {Rejected} rejected",
                parse.GetValue(shards)!.Length, summary.RecordsIn, summary.Exported, summary.Rejected);
            return ExitCodes.Ok;
        }));
        return command;
    }
}

using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Stats;
using Drp.Core.Tokens;

namespace Drp.Cli.Commands;

/// <summary><c>drp stats FILE…</c>: how long the traces were and are, the long tail, steps, actions by skill, rejects.</summary>
public static class StatsCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var files = new Argument<string[]>("files") { Description = "Files drp wrote (pruned.jsonl, validated.jsonl…) or run folders (their validated.jsonl)", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "table, md or json", DefaultValueFactory = _ => "table" };
        format.OneOf([.. StatsFormatter.Formats]);
        var tokenizer = new Option<string?>("--tokenizer")
        {
            Description = "Recount tokens in this tokenizer (o200k, cl100k, or the student's tokenizer folder or tokenizer.json); default: the counts in the records",
        };
        var command = new Command("stats", "Statistics of pruned sets: tokens before and after, keep ratio, long tail, steps, actions by skill, rejects") { files };
        command.Options.Add(format);
        command.Options.Add(tokenizer);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var counter = parse.GetValue(tokenizer) is { } name ? TokenCounters.Create(name) : null;
            var paths = parse.GetValue(files)!;
            var total = new StatsCollector("total", counter);
            var sets = new List<SetStats>();
            foreach (var path in paths)
            {
                var file = Directory.Exists(path) ? Path.Combine(RunFolderArgument.Resolve(path), RunDirectory.Validated) : path;
                var (one, fromDrp) = (new StatsCollector(path, counter), 0);
                await foreach (var record in RecordLoader.LoadAsync(file, new LoadOptions(), console.StdinFor(file), cancellationToken: ct))
                {
                    one.Add(record);
                    total.Add(record);
                    fromDrp += record.Steps is not null || record.Rejected is { Stage: not RecordMapper.LoadStage } ? 1 : 0;
                }

                var set = one.Build();
                sets.Add(set.Records > 0 && fromDrp == 0
                    ? throw new InputException($"{path}: none of its {set.Records} records went through drp (no steps): stats reads what drp writes "
                                               + $"(pruned.jsonl, validated.jsonl, or the run folder), not training lines or raw traces")
                    : set);
            }

            if (sets.Count > 1)
            {
                sets.Add(total.Build());
            }

            await console.Out.WriteAsync(StatsFormatter.Format(sets, parse.GetValue(format)!));
            return ExitCodes.Ok;
        }));
        return command;
    }
}

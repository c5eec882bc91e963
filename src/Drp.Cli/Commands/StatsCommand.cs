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
            var inputs = parse.GetValue(files)!.Select(path =>
            {
                var file = Directory.Exists(path) ? Path.Combine(RunFolderArgument.Resolve(path), RunDirectory.Validated) : path;
                return (path, file, console.StdinFor(file));
            }).ToList();
            var sets = await StatsRun.CollectAsync(inputs, counter, ct);
            await console.Out.WriteAsync(StatsFormatter.Format(sets, parse.GetValue(format)!));
            return ExitCodes.Ok;
        }));
        return command;
    }
}

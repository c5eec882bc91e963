using System.CommandLine;
using Drp.Core.Hygiene;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Cli.Commands;

/// <summary>
/// <c>drp decontaminate</c>: which records of an input ask a benchmark's question, before anything is pruned or
/// exported. Each match is a JSON line (id, question, the benchmark question and what they share); the counts by
/// benchmark file go to stderr.
/// </summary>
public static class DecontaminateCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var decontamination = new DecontaminationOptions("--against");
        decontamination.Files.Required = true;
        var command = new Command("decontaminate", "Report the records whose question is a benchmark's question (the same check as --decontaminate on run and export), exporting nothing");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        decontamination.AddTo(command);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var input = parse.GetValue(common.Input)!;
            var load = await common.LoadOptionsAsync(parse, input, log, ct);
            var index = (await decontamination.LoadAsync(parse, log, ct))!;
            await using var matches = JsonlWriter.Create(parse.GetValue(common.Output) is { } output and not "-" ? output : null, console.Out);
            var contaminated = new ContaminationTally(examples: 3);
            var (records, withoutQuestion) = (0, 0);
            await foreach (var record in RecordLoader.LoadAsync(input, load, console.StdinFor(input), cancellationToken: ct))
            {
                records++;
                if (record.Question is null)
                {
                    withoutQuestion++;
                    continue;
                }

                if (index.Find(record.Question) is not { } found)
                {
                    continue;
                }

                var match = new DrpRecord { Id = record.Id, Source = record.Source, Question = record.Question, Contamination = found };
                await matches.WriteLineAsync(DrpJson.SerializeUtf8(match), ct);
                contaminated.Add(match);
            }

            await matches.CommitAsync();
            log.Information("decontaminate: {Contaminated} of {Records} records ask a benchmark question{WithoutQuestion}",
                contaminated.Counts.Values.Sum(), records, withoutQuestion > 0 ? $" ({withoutQuestion} without a question, not looked up)" : "");
            ContaminationLog.Write(log, contaminated.Counts, contaminated.Examples);
            return ExitCodes.Ok;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using Drp.Core.Io;
using Drp.Core.Stages;

namespace Drp.Cli.Commands;

/// <summary><c>drp grade</c>: how good are the student's own traces, before pruning?</summary>
public static class GradeCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var command = new Command("grade", "Grade the original traces against gold: adds each record's verdict and prints accuracy per source");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var load = await common.LoadOptionsAsync(parse, ct);
            var input = parse.GetValue(common.Input)!;
            await using var output = JsonlWriter.Create(parse.GetValue(common.Output), console.Out);
            var table = new AccuracyTable();
            var records = RecordLoader.LoadAsync(input, load, console.StdinFor(input), cancellationToken: ct);
            var graded = records.SelectOrderedAsync((record, _) =>
            {
                var result = GradeStage.Process(record);
                return Task.FromResult((result, DrpJson.Serialize(result)));
            }, common.JobsFor(parse), ct);
            await foreach (var (record, line) in graded)
            {
                table.Add(record);
                await output.WriteLineAsync(line, ct);
            }

            await output.CommitAsync();
            foreach (var row in table.Rows)
            {
                log.Information("{Source}: {Correct} of {Records} correct ({Percent}%); {Incomplete} without a complete trace",
                    row.Source, row.Correct, row.Records, (row.Accuracy * 100).ToString("F1", CultureInfo.InvariantCulture), row.Records - row.Complete);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}

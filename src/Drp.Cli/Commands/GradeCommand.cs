using System.CommandLine;
using System.Globalization;
using Drp.Core.Model;
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
        common.AddJobsTo(command, withTeacher: false);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async log =>
        {
            var input = parse.GetValue(common.Input)!;
            var pass = new StagePass(input, await common.LoadOptionsAsync(parse, input, log, ct), parse.GetValue(common.Output), common.JobsFor(parse));
            var table = new AccuracyTable();
            await StageRun.RunAsync(StageNames.Grade, pass, (record, _) => Task.FromResult(GradeStage.Process(record)), console.StdinFor(input), console.Out,
                onRecord: table.Add, cancellationToken: ct);
            foreach (var row in table.Rows.Where(r => r.Graded > 0))
            {
                log.Information("{Source}: {Correct} of {Graded} correct ({Percent}%); {Incomplete} without a complete trace{WithoutGold}",
                    row.Source, row.Correct, row.Graded, (row.Accuracy * 100).ToString("F1", CultureInfo.InvariantCulture), row.Records - row.Complete,
                    row.Records > row.Graded ? $"; {row.Records - row.Graded} without a gold answer, not graded" : "");
            }

            foreach (var row in table.Rows.Where(r => r.Graded == 0))
            {
                log.Warning("{Source}: none of its {Records} records has a gold answer to grade against: map one with --map gold=PATH, or join a benchmark's with --gold FILE",
                    row.Source, row.Records);
            }

            return table.Rows.Any(r => r.Graded > 0) || !table.Rows.Any() ? ExitCodes.Ok : ExitCodes.TooManyRejects;
        }));
        return command;
    }
}

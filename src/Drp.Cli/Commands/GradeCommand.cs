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
            var pass = new StagePass(input, await common.LoadOptionsAsync(parse, ct), parse.GetValue(common.Output), common.JobsFor(parse));
            var table = new AccuracyTable();
            await StageRun.RunAsync(StageNames.Grade, pass, (record, _) => Task.FromResult(GradeStage.Process(record)), console.StdinFor(input), console.Out,
                onRecord: table.Add, cancellationToken: ct);
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

using System.CommandLine;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Tokens;

namespace Drp.Cli.Commands;

/// <summary><c>drp decompose</c>, <c>drp prune</c> and <c>drp validate</c>: one stage over a file, JSONL out.</summary>
public static class StageCommands
{
    public static Command Decompose(CliConsole console)
    {
        var common = new CommonOptions();
        var command = new Command("decompose", "Split each trace into verbatim, skill-labelled steps");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        common.Teachers.AddTo(command);
        common.AddJobsTo(command, withTeacher: true);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => RunStageAsync(console, parse, common, StageNames.Decompose, null,
            log => new DecomposeStage(common.Teachers.Create(parse, null, common.JobsFor(parse), log: log).Teacher).ProcessAsync, ct));
        return command;
    }

    public static Command Prune(CliConsole console)
    {
        var common = new CommonOptions();
        var command = new Command("prune", "Prune each decomposed trace (keep, delete, compress, merge) into one shorter trace");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        common.Teachers.AddTo(command);
        command.Options.Add(common.Teachers.Explain);
        command.Options.Add(common.Tokenizer);
        common.AddJobsTo(command, withTeacher: true);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => RunStageAsync(console, parse, common, StageNames.Prune, null,
            log => new PruneStage(common.Teachers.Create(parse, null, common.JobsFor(parse), log: log).Teacher, TokenCounters.Create(parse.GetValue(common.Tokenizer)!)).ProcessAsync, ct));
        return command;
    }

    public static Command Validate(CliConsole console)
    {
        var common = new CommonOptions();
        var rejects = new Option<string?>("--rejects") { Description = "Also write the rejected records, with their reasons, to this file" };
        var command = new Command("validate", "Check each pruned trace: its final answer against the gold answer, its reasoning against the student's");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        command.Options.Add(rejects);
        command.Options.Add(common.BadFinalAnswer);
        command.Options.Add(common.Faithfulness);
        common.AddJobsTo(command, withTeacher: false);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => RunStageAsync(console, parse, common, StageNames.Validate, parse.GetValue(rejects),
            _ => (record, _) => Task.FromResult(ValidateStage.Validate(record, parse.GetValue(common.BadFinalAnswer)!, parse.GetValue(common.Faithfulness)!)), ct));
        return command;
    }

    private static Task<int> RunStageAsync(
        CliConsole console, ParseResult parse, CommonOptions common, string stage, string? rejectsPath,
        Func<Serilog.ILogger, Func<DrpRecord, CancellationToken, Task<DrpRecord>>> createProcess, CancellationToken cancellationToken) =>
        common.RunAsync(console, parse, async log =>
        {
            var process = createProcess(log);
            var input = parse.GetValue(common.Input)!;
            var pass = new StagePass(input, await common.LoadOptionsAsync(parse, input, log, cancellationToken), parse.GetValue(common.Output), common.RecordsInFlight(parse), rejectsPath);
            var rejectLog = new RejectLog(log, parse.GetValue(common.Verbose));
            var counts = await StageRun.RunAsync(stage, pass, process, console.StdinFor(input), console.Out, onRejectedHere: rejectLog.Write, cancellationToken: cancellationToken);
            log.Information("{Stage}: {Records} records, {Passed} passed, {Rejected} rejected here, {Earlier} rejected earlier",
                stage, counts.Records, counts.Passed, counts.RejectedHere, counts.RejectedEarlier);
            return rejectLog.WarnIfNonePassed($"passed {stage}", counts.Records, counts.Passed) ? ExitCodes.TooManyRejects : ExitCodes.Ok;
        });
}

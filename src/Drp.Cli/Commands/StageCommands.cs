using System.CommandLine;
using Drp.Core.Io;
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
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => RunStageAsync(console, parse, common, StageNames.Decompose, null,
            () => new DecomposeStage(common.Teachers.Create(parse, null, common.JobsFor(parse)).Teacher).ProcessAsync, ct));
        return command;
    }

    public static Command Prune(CliConsole console)
    {
        var common = new CommonOptions();
        var command = new Command("prune", "Prune each decomposed trace (keep, delete, compress, merge) into one shorter trace");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        common.Teachers.AddTo(command);
        command.Options.Add(common.Tokenizer);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => RunStageAsync(console, parse, common, StageNames.Prune, null,
            () => new PruneStage(common.Teachers.Create(parse, null, common.JobsFor(parse)).Teacher, TokenCounters.Create(parse.GetValue(common.Tokenizer)!)).ProcessAsync, ct));
        return command;
    }

    public static Command Validate(CliConsole console)
    {
        var common = new CommonOptions();
        var rejects = new Option<string?>("--rejects") { Description = "Also write the rejected records, with their reasons, to this file" };
        var command = new Command("validate", "Check each pruned trace's final answer against the gold answer");
        common.AddInputTo(command);
        command.Options.Add(common.Output);
        command.Options.Add(rejects);
        command.Options.Add(common.BadFinalAnswer);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => RunStageAsync(console, parse, common, StageNames.Validate, parse.GetValue(rejects),
            () => (record, _) => Task.FromResult(ValidateStage.Validate(record, parse.GetValue(common.BadFinalAnswer)!)), ct));
        return command;
    }

    private static Task<int> RunStageAsync(
        CliConsole console,
        ParseResult parse,
        CommonOptions common,
        string stage,
        string? rejectsPath,
        Func<Func<DrpRecord, CancellationToken, Task<DrpRecord>>> createProcess,
        CancellationToken cancellationToken) =>
        common.RunAsync(console, parse, async log =>
        {
            var process = createProcess();
            var load = await common.LoadOptionsAsync(parse, cancellationToken);
            var input = parse.GetValue(common.Input)!;
            await using var output = JsonlWriter.Create(parse.GetValue(common.Output), console.Out);
            await using var rejects = rejectsPath is null ? null : JsonlWriter.Create(rejectsPath, TextWriter.Null);
            var counts = new StageCounts(new RejectLog(log, parse.GetValue(common.Verbose)));
            var records = RecordLoader.LoadAsync(input, load, console.StdinFor(input), counts.RejectedOnLoad, cancellationToken);
            async Task<(DrpRecord, string)> ProcessAsync(DrpRecord record, CancellationToken token)
            {
                var result = await process(record, token);
                return (result, DrpJson.Serialize(result));
            }

            await foreach (var (record, line) in records.SelectOrderedAsync(ProcessAsync, common.RecordsInFlight(parse), cancellationToken))
            {
                counts.Add(record, stage);
                await output.WriteLineAsync(line, cancellationToken);
                if (rejects is not null && record.Rejected is not null)
                {
                    await rejects.WriteLineAsync(line, cancellationToken);
                }
            }

            await output.CommitAsync();
            if (rejects is not null)
            {
                await rejects.CommitAsync();
            }

            log.Information("{Stage}: {Records} records, {Passed} passed, {Rejected} rejected here, {Earlier} rejected earlier",
                stage, counts.Records, counts.Passed, counts.RejectedHere, counts.RejectedEarlier);
            return ExitCodes.Ok;
        });

    /// <summary>Counts a stage's records and logs each rejection where it happens.</summary>
    private sealed class StageCounts(RejectLog rejectLog)
    {
        public int Records { get; private set; }

        public int Passed { get; private set; }

        public int RejectedHere { get; private set; }

        public int RejectedEarlier { get; private set; }

        // Filled by the loader, which runs ahead of the records written out; only rejected records are remembered.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> rejectedOnLoad = new(StringComparer.Ordinal);

        public void RejectedOnLoad(DrpRecord record) => rejectedOnLoad[record.Id] = true;

        public void Add(DrpRecord record, string stage)
        {
            Records++;
            if (record.Rejected is not { } rejection)
            {
                Passed++;
                return;
            }

            var here = rejection.Stage == stage || rejectedOnLoad.TryRemove(record.Id, out _);
            if (!here)
            {
                RejectedEarlier++;
                return;
            }

            RejectedHere++;
            rejectLog.Write(record, rejection);
        }
    }
}

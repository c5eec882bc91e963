using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Teachers.Llm;
using Drp.Core.Stages;
using Drp.Core.Tokens;

namespace Drp.Cli.Commands;

/// <summary><c>drp run</c>: decompose, prune, validate and export in one pass, everything left in one directory.</summary>
public static class RunCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var outDir = new Option<string>("--out") { Description = "Run directory for every stage's output, rejects, train.jsonl and summary.json", Required = true };
        var config = new Option<string?>(RunConfig.OptionName) { Description = "A JSON file of these options (\"input\" for the input); options given here win" };
        var failOnRejectRate = RunSummaryLog.FailOnRejectRate();
        var resume = new Option<string?>(RunResume.OptionName) { Description = "Continue the run in DIR with the input and options of its manifest.json (options given beside it replace those)" };
        var parquet = new Option<bool>("--parquet") { Description = "Also write the training lines as train.parquet (typed columns)" };
        var force = new Option<bool>("--force") { Description = "Write into --out even when it holds a run of another input (that run's outputs are replaced)" };
        var decontamination = new DecontaminationOptions();
        var lineLimit = new LineLimitOptions();
        var dryRun = new Option<bool>("--dry-run") { Description = "With an LLM teacher: print the requests (OpenAI Batch lines) and the estimated tokens and cost, send nothing" };
        var command = new Command("run", "Run decompose, prune, validate and export over an input, leaving every output in --out");
        common.AddInputTo(command);
        foreach (var option in new Option[] { outDir, force, parquet, dryRun, failOnRejectRate, config, resume, common.BadFinalAnswer, common.Faithfulness, common.Teachers.Explain })
        {
            command.Options.Add(option);
        }

        decontamination.AddTo(command);
        lineLimit.AddTo(command);
        common.Teachers.AddTo(command);
        var batch = new BatchRunOptions();
        batch.AddTo(command);
        command.Options.Add(common.Tokenizer);

        common.AddJobsTo(command, withTeacher: true);
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async consoleLog =>
        {
            var (log, runLog) = RunLogFile.Beside(consoleLog);
            await using var _ = runLog;
            var input = parse.GetValue(common.Input)!;
            var dir = parse.GetValue(outDir)!;
            var inputFile = await InputFile.DescribeAsync(input, ct);
            RunFolder.Check(dir, inputFile, parse.GetValue(force), log);
            batch.Check(parse, common, input);
            var (teacher, usage, price) = common.Teachers.Create(parse, Path.Combine(dir, RunDirectory.Cache), common.JobsFor(parse), sends: !parse.GetValue(dryRun), log);
            var options = new RunOptions(input, dir, await common.LoadOptionsAsync(parse, input, log, ct), teacher, TokenCounters.Create(parse.GetValue(common.Tokenizer)!))
            {
                Parallelism = common.RecordsInFlight(parse),
                Usage = usage,
                Price = price,
                BadFinalAnswer = parse.GetValue(common.BadFinalAnswer)!,
                Faithfulness = parse.GetValue(common.Faithfulness)!,
                Parquet = parse.GetValue(parquet),
                Decontaminate = await decontamination.LoadAsync(parse, log, ct),
            };
            var manifest = RunManifest.Of([.. parse.Tokens.Select(t => t.Value)], teacher.Name, (teacher as LlmTeacher)?.PromptVersion, price, inputFile);
            Func<Task> claim = async () =>
            {
                await manifest.WriteAsync(dir);
                runLog.Open(dir);
            };
            options = options with { Claim = claim, Logger = CliLog.ForCore(log), MaxTokens = lineLimit.Create(parse, parse.GetValue(common.Tokenizer)!, options.Tokens) };
            if (parse.GetValue(dryRun) || batch.IsOn(parse))
            {
                await claim();
            }

            if (parse.GetValue(dryRun))
            {
                return await DryRunAction.RunAsync(console, log, options, common.Teachers.IsLlm(parse) ? parse.GetValue(common.Teachers.Model)! : null, input, ct);
            }

            if (batch.IsOn(parse))
            {
                options = await batch.RunRoundsAsync(parse, common, options, log, ct);
            }

            var rejects = new RejectLog(log, parse.GetValue(common.Verbose));
            var progress = new RunProgress(log, rejects, common.LiveStatus(console, parse))
            {
                Expected = RunProgress.ExpectedRecords(input, options.Load, inputFile.Lines), Usage = options.Usage, Price = options.Price,
            };
            var summary = await RunPipeline.RunAsync(options, console.StdinFor(input), progress.Add, ct);
            console.Status.Clear();
            RunSummaryLog.Write(log, summary, options.OutDir);
            if (rejects.WarnIfNonePassed("exported", summary.RecordsIn, summary.Exported))
            {
                return ExitCodes.TooManyRejects;
            }

            return RunSummaryLog.OverRejectRate(log, summary, parse.GetValue(failOnRejectRate)) ? ExitCodes.TooManyRejects : ExitCodes.Ok;
        }));
        return command;
    }
}

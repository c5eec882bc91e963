using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Stages;
using Drp.Core.Teachers.Llm;
using Drp.Core.Teachers.Llm.Batch;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary><c>drp run --batch</c>: every teacher request through the OpenAI Batch API (half the price, a separate rate-limit pool).</summary>
public sealed class BatchRunOptions
{

    public Option<bool> Batch { get; } = new("--batch")
    {
        Description = "With --teacher openai: send the requests as OpenAI batches (half the price; results within 24 hours). Stop and restart at will: no batch is created twice",
    };

    public Option<double> Poll { get; } = new("--batch-poll")
    {
        Description = "Seconds between the first looks at a running batch (the wait grows by half each time, up to 10 minutes)",
        DefaultValueFactory = _ => 30,
    };

    public Option<int> Retries { get; } = new("--batch-retries")
    {
        Description = "Times a failed or expired request is submitted again in a new batch before its record is rejected",
        DefaultValueFactory = _ => 2,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Batch);
        command.Options.Add(Poll);
        command.Options.Add(Retries);
    }

    public bool IsOn(ParseResult parse) => parse.GetValue(Batch);

    /// <exception cref="ArgumentException">--batch without an LLM teacher, or on stdin.</exception>
    public void Check(ParseResult parse, CommonOptions common, string input)
    {
        if (IsOn(parse) && !common.Teachers.IsLlm(parse))
        {
            throw new ArgumentException("--batch: only an LLM teacher sends requests (--teacher openai)");
        }

        if (IsOn(parse) && input == "-")
        {
            throw new ArgumentException("--batch reads the input once per round: name a file, not -");
        }
    }

    /// <summary>Runs the batch rounds until every answer is in the cache; returns the run's options with the teacher that reads them and the batches' usage and price.</summary>
    public async Task<RunOptions> RunRoundsAsync(ParseResult parse, CommonOptions common, RunOptions run, ILogger log, CancellationToken ct)
    {
        var llm = common.Teachers.LlmSetupOf(parse, common.JobsFor(parse));
        var options = new BatchOptions
        {
            Poll = TimeSpan.FromSeconds(Math.Max(0.01, parse.GetValue(Poll))),
            Retries = Math.Max(0, parse.GetValue(Retries)),
        };
        var cache = common.Teachers.CacheOf(parse, Path.Combine(run.OutDir, RunDirectory.Cache))!;
        llm = llm.KeepingRejectedIn(cache);
        var runner = new BatchRunner(
            new OpenAiBatches(llm.Settings), cache, Path.Combine(run.OutDir, RunDirectory.Batches),
            llm.Settings.Model, llm.Prompts.Version, llm.Teacher, options, CliLog.ForCore(log));
        var teacher = await runner.RunAsync(() => RecordLoader.LoadAsync(run.Input, run.Load with { RequireGold = true }, cancellationToken: ct), run.Parallelism, ct);
        var usage = new UsageMeter();
        foreach (var (stage, paid) in runner.Usage())
        {
            usage.AddTotals(stage, paid);
        }

        return run with { Teacher = teacher, Usage = usage, Price = llm.Price?.Batch() };
    }
}

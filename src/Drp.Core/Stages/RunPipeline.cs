using Microsoft.Extensions.Logging;
using Drp.Core.Export;
using Drp.Core.Faithfulness;
using Drp.Core.Hygiene;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;
using Drp.Core.Tokens;

namespace Drp.Core.Stages;

/// <summary>What <c>drp run</c> needs: where to read, where to write, and who prunes.</summary>
public sealed record RunOptions(string Input, string OutDir, LoadOptions Load, ITeacher Teacher, ITokenCounter Tokens)
{
    /// <summary>Records processed at once (one per core for the offline teacher, requests in flight for an LLM).</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Where an LLM teacher counts its requests, for summary.json.</summary>
    public UsageMeter? Usage { get; init; }

    /// <summary>The price of the LLM teacher's tokens, for the cost estimate.</summary>
    public Price? Price { get; init; }

    /// <summary>What validation does with a cut or unclear final answer: <see cref="Stages.BadFinalAnswer"/>.</summary>
    public string BadFinalAnswer { get; init; } = Stages.BadFinalAnswer.Replace;

    /// <summary>What validation does with the faithfulness check's findings: <see cref="FaithfulnessMode"/>.</summary>
    public string Faithfulness { get; init; } = FaithfulnessMode.Reject;

    /// <summary>Benchmark questions to keep out of the training set (<c>--decontaminate</c>): a record that asks one is rejected before any teacher sees it.</summary>
    public BenchmarkIndex? Decontaminate { get; init; }

    /// <summary>The longest training line the trainer takes (<c>--max-tokens</c>): a record with a longer one is rejected as too_long.</summary>
    public LineLimit? MaxTokens { get; init; }

    /// <summary>
    /// Claims the run folder (writes manifest.json): called once the input has been opened and its first record read, or
    /// at the end of an input without records, so that an input that cannot be read leaves the folder unclaimed.
    /// </summary>
    public Func<Task>? Claim { get; init; }

    /// <summary>Where the run logs what an operator follows (the time spent in each stage).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Also write the training lines as train.parquet (<c>--parquet</c>).</summary>
    public bool Parquet { get; init; }
}

/// <summary>
/// All four stages in one pass over the input, each record streaming through decompose, prune, validate and export;
/// leaves in the run directory the output of every stage, the rejects, the training file, summary.json and
/// report.html.
/// </summary>
public static class RunPipeline
{

    /// <param name="onRecord">Called with every record once it is validated (progress, logging).</param>
    public static async Task<RunSummary> RunAsync(
        RunOptions options, Stream? stdin = null, Action<DrpRecord>? onRecord = null, CancellationToken cancellationToken = default)
    {
        var created = !Directory.Exists(options.OutDir);
        try
        {
            return await RunInAsync(options, stdin, onRecord, cancellationToken);
        }
        catch (InputException) when (created && Directory.Exists(options.OutDir) && !Directory.EnumerateFileSystemEntries(options.OutDir).Any())
        {
            // An input that could not be read leaves no empty folder behind either.
            Directory.Delete(options.OutDir);
            throw;
        }
    }

    private static async Task<RunSummary> RunInAsync(RunOptions options, Stream? stdin, Action<DrpRecord>? onRecord, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.OutDir);
        RemoveTemporaryFiles(options.OutDir);
        string Out(string name) => Path.Combine(options.OutDir, name);
        await using var decomposed = JsonlWriter.Create(Out(RunDirectory.Decomposed), TextWriter.Null);
        await using var pruned = JsonlWriter.Create(Out(RunDirectory.Pruned), TextWriter.Null);
        await using var validated = JsonlWriter.Create(Out(RunDirectory.Validated), TextWriter.Null);
        await using var outputs = new RunOutputs(options.OutDir, options.Teacher.Name, options.Tokens.Name, options.Parquet, options.MaxTokens?.MaxTokens);

        var decompose = new DecomposeStage(options.Teacher);
        var prune = new PruneStage(options.Teacher, options.Tokens);
        var times = new StageTimes();

        // Every record goes through all three stages on a worker, which also writes its lines; files are written in order.
        async Task<(DrpRecord Record, byte[] Decomposed, byte[] Pruned, byte[] Validated)> ProcessAsync(DrpRecord loaded, CancellationToken token)
        {
            var start = StageTimes.Now;
            var afterDecompose = await decompose.ProcessAsync(options.Decontaminate?.Check(loaded) ?? loaded, token);
            start = times.Decomposed(start);
            var afterPrune = await prune.ProcessAsync(afterDecompose, token);
            start = times.Pruned(start);
            var validated = ValidateStage.Validate(afterPrune, options.BadFinalAnswer, options.Faithfulness);
            var afterValidate = options.MaxTokens?.Check(validated) ?? validated;
            times.Validated(start);
            return (afterValidate, DrpJson.SerializeUtf8(afterDecompose), DrpJson.SerializeUtf8(afterPrune), DrpJson.SerializeUtf8(afterValidate));
        }

        var records = ClaimingOnFirst(RecordLoader.LoadAsync(options.Input, options.Load with { RequireGold = true }, stdin, null, cancellationToken), options.Claim);
        await foreach (var (record, decomposedLine, prunedLine, validatedLine) in records.SelectOrderedAsync(ProcessAsync, options.Parallelism, cancellationToken))
        {
            await decomposed.WriteLineAsync(decomposedLine, cancellationToken);
            await pruned.WriteLineAsync(prunedLine, cancellationToken);
            await validated.WriteLineAsync(validatedLine, cancellationToken);
            await outputs.AddAsync(record, validatedLine, cancellationToken);
            onRecord?.Invoke(record);
        }

        foreach (var writer in new[] { decomposed, pruned, validated })
        {
            await writer.CommitAsync();
        }

        var (decomposing, pruning, validating) = times.Seconds;
        options.Logger?.LogInformation("time in each stage, summed over {Workers} workers: decompose {Decompose} s, prune {Prune} s, validate {Validate} s",
            options.Parallelism, decomposing, pruning, validating);
        var usage = options.Usage?.Snapshot();
        var cost = usage is null || options.Price is null ? (double?)null : Math.Round(usage.Values.Sum(options.Price.Cost), 4);
        return await outputs.FinishAsync(usage, cost, cancellationToken);
    }

    private static async IAsyncEnumerable<DrpRecord> ClaimingOnFirst(IAsyncEnumerable<DrpRecord> records, Func<Task>? claim)
    {
        await foreach (var record in records)
        {
            if (claim is not null)
            {
                await claim();
                claim = null;
            }

            yield return record;
        }

        if (claim is not null)
        {
            await claim();
        }
    }

    /// <summary>Outputs of a run killed before it finished were never renamed into place: they are removed.</summary>
    private static void RemoveTemporaryFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, ".*.tmp"))
        {
            File.Delete(file);
        }
    }
}

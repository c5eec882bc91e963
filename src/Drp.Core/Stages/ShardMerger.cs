using System.Text.Json;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers.Llm;

namespace Drp.Core.Stages;

/// <summary>
/// <c>drp merge</c>: the run directories of shards (<c>--shard K/N</c>) combined into one, each file merged back into
/// input order by the records' positions, a record present twice taken once: the same outputs as one unsharded run.
/// </summary>
public static class ShardMerger
{
    private static readonly string[] RecordFiles = [RunDirectory.Decomposed, RunDirectory.Pruned, RunDirectory.Validated];

    /// <param name="args">The merge's command line, for the merged folder's manifest.json (which also names the shards).</param>
    /// <param name="force">Merge into a folder that holds a run of another input (its outputs are replaced).</param>
    /// <exception cref="InputException">
    /// A directory is not a finished run, the directories are not every shard of one run (<see cref="ShardSet"/>), or
    /// <paramref name="outDir"/> holds a run of another input and <paramref name="force"/> is not given.
    /// </exception>
    public static async Task<RunSummary> MergeAsync(
        IReadOnlyList<string> shards, string outDir, IReadOnlyList<string> args, bool force = false, CancellationToken cancellationToken = default)
    {
        ShardSet.Check(shards);
        var shardRun = RunManifest.Read(shards[0])!;
        if (!force && RunManifest.Read(outDir) is { } earlier && !earlier.Input.SameAs(shardRun.Input))
        {
            throw new InputException($"--out {outDir} holds a run of another input ({earlier.Input.Path}); give another --out, or --force to replace that run");
        }

        var summaries = new List<RunSummary>();
        foreach (var shard in shards)
        {
            var path = Path.Combine(shard, RunDirectory.Summary);
            if (!File.Exists(path) || !File.Exists(Path.Combine(shard, RunDirectory.Validated)))
            {
                throw new InputException($"{shard}: not a finished run directory (no {RunDirectory.Summary} or {RunDirectory.Validated})");
            }

            summaries.Add(JsonSerializer.Deserialize(await File.ReadAllTextAsync(path, cancellationToken), DrpJson.TypeInfo<RunSummary>())!);
        }

        Directory.CreateDirectory(outDir);
        foreach (var file in RecordFiles)
        {
            await MergeFileAsync(shards.Select(s => Path.Combine(s, file)).ToList(), Path.Combine(outDir, file), cancellationToken);
        }

        await using var outputs = new RunOutputs(outDir, summaries[0].Teacher, summaries[0].Tokenizer);
        await foreach (var record in RecordLoader.LoadAsync(Path.Combine(outDir, RunDirectory.Validated), new LoadOptions(), cancellationToken: cancellationToken))
        {
            await outputs.AddAsync(record, DrpJson.SerializeUtf8(record), cancellationToken);
        }

        await (shardRun with { Command = string.Join(' ', args), Args = args, WorkingDirectory = Environment.CurrentDirectory, Shards = shards }).WriteAsync(outDir);
        var costs = summaries.Select(s => s.CostUsd).ToList();
        return await outputs.FinishAsync(SumUsage(summaries), costs.All(c => c is null) ? null : Math.Round(costs.Sum(c => c ?? 0), 4), cancellationToken);
    }

    /// <summary>A k-way merge of files that are each in input order; the first record of an id wins.</summary>
    private static async Task MergeFileAsync(List<string> inputs, string output, CancellationToken cancellationToken)
    {
        var readers = inputs.Select(i => RecordLoader.LoadAsync(i, new LoadOptions { AllowDuplicateIds = true }, cancellationToken: cancellationToken).GetAsyncEnumerator(cancellationToken)).ToList();
        var heads = new DrpRecord?[readers.Count];
        for (var i = 0; i < readers.Count; i++)
        {
            heads[i] = await readers[i].MoveNextAsync() ? readers[i].Current : null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var writer = JsonlWriter.Create(output, TextWriter.Null);
        while (true)
        {
            var next = -1;
            for (var i = 0; i < heads.Length; i++)
            {
                if (heads[i] is { } head && (next < 0 || (head.Position ?? long.MaxValue) < (heads[next]!.Position ?? long.MaxValue)))
                {
                    next = i;
                }
            }

            if (next < 0)
            {
                break;
            }

            var record = heads[next]!;
            if (seen.Add(record.Id))
            {
                await writer.WriteLineAsync(DrpJson.SerializeUtf8(record), cancellationToken);
            }

            heads[next] = await readers[next].MoveNextAsync() ? readers[next].Current : null;
        }

        await writer.CommitAsync();
        foreach (var reader in readers)
        {
            await reader.DisposeAsync();
        }
    }

    private static IReadOnlyDictionary<string, StageUsage>? SumUsage(List<RunSummary> summaries)
    {
        var meter = new UsageMeter();
        foreach (var (stage, usage) in summaries.Where(s => s.TeacherUsage is not null).SelectMany(s => s.TeacherUsage!))
        {
            meter.AddTotals(stage, usage);
        }

        return meter.Snapshot() is { Count: > 0 } sum ? sum : null;
    }
}

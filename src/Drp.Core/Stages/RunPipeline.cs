using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Stages;

/// <summary>What <c>drp run</c> needs: where to read, where to write, and who prunes.</summary>
public sealed record RunOptions(string Input, string OutDir, LoadOptions Load, ITeacher Teacher, ITokenCounter Tokens);

/// <summary>
/// All four stages in one pass over the input, each record streaming through decompose, prune, validate and export;
/// leaves in the run directory the output of every stage, the rejects, the training file and summary.json.
/// </summary>
public static class RunPipeline
{
    public const string Decomposed = "decomposed.jsonl";
    public const string Pruned = "pruned.jsonl";
    public const string Validated = "validated.jsonl";
    public const string Train = "train.jsonl";
    public const string Rejects = "rejects.jsonl";
    public const string Summary = "summary.json";
    public const string DatasetInfo = "dataset_info.json";

    /// <param name="onRecord">Called with every record once it is validated (progress, logging).</param>
    public static async Task<RunSummary> RunAsync(
        RunOptions options, Stream? stdin = null, Action<DrpRecord>? onRecord = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.OutDir);
        string Out(string name) => Path.Combine(options.OutDir, name);
        await using var decomposed = JsonlWriter.Create(Out(Decomposed), TextWriter.Null);
        await using var pruned = JsonlWriter.Create(Out(Pruned), TextWriter.Null);
        await using var validated = JsonlWriter.Create(Out(Validated), TextWriter.Null);
        await using var train = Exporter.Create(Out(Train), TextWriter.Null, new ExportOptions());
        await using var rejects = JsonlWriter.Create(Out(Rejects), TextWriter.Null);

        var records = RecordLoader.LoadAsync(options.Input, options.Load with { RequireGold = true }, stdin, null, cancellationToken);
        var afterDecompose = new DecomposeStage(options.Teacher).RunAsync(records, cancellationToken).Tee(decomposed, cancellationToken);
        var afterPrune = new PruneStage(options.Teacher, options.Tokens).RunAsync(afterDecompose, cancellationToken).Tee(pruned, cancellationToken);
        var afterValidate = new ValidateStage().RunAsync(afterPrune, cancellationToken).Tee(validated, cancellationToken);

        var summary = new SummaryBuilder(options.Teacher.Name, options.Tokens.Name);
        await foreach (var record in afterValidate.WithCancellation(cancellationToken))
        {
            summary.Add(record);
            if (record.Rejected is not null)
            {
                await rejects.WriteLineAsync(DrpJson.Serialize(record), cancellationToken);
            }
            else
            {
                await train.WriteAsync(record, cancellationToken);
            }

            onRecord?.Invoke(record);
        }

        foreach (var writer in new[] { decomposed, pruned, validated, rejects })
        {
            await writer.CommitAsync();
        }

        await train.CommitAsync();
        var result = summary.Build();
        await Export.DatasetInfo.MergeAsync(Out(DatasetInfo), train.DatasetEntries("drp_train"));
        await AtomicFile.WriteAllTextAsync(Out(Summary), DrpJson.SerializeSummary(result) + "\n");
        return result;
    }
}

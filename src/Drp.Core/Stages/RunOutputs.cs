using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers.Llm;

namespace Drp.Core.Stages;

/// <summary>
/// What a run directory ends with, from its validated records in order: rejects.jsonl, train.jsonl,
/// dataset_info.json, summary.json and report.html. Shared by <c>drp run</c> and <c>drp merge</c>.
/// </summary>
public sealed class RunOutputs : IAsyncDisposable
{
    private readonly string directory;
    private readonly JsonlWriter rejects;
    private readonly Exporter train;
    private readonly Exporter? trainParquet;
    private readonly SummaryBuilder summary;
    private readonly int? maxTokens;
    private readonly Stats.HtmlReport.Collector report = new();

    /// <param name="parquet">Also write the training lines as train.parquet.</param>
    /// <param name="maxTokens">The run's --max-tokens, for summary.json and the report.</param>
    public RunOutputs(string directory, string teacher, string tokenizer, bool parquet = false, int? maxTokens = null)
    {
        this.maxTokens = maxTokens;
        this.directory = directory;
        rejects = JsonlWriter.Create(Path.Combine(directory, RunDirectory.Rejects), TextWriter.Null);
        train = Exporter.Create(Path.Combine(directory, RunDirectory.Train), TextWriter.Null, new ExportOptions());
        trainParquet = parquet ? Exporter.Create(Path.Combine(directory, RunDirectory.TrainParquet), TextWriter.Null, new ExportOptions()) : null;
        summary = new SummaryBuilder(teacher, tokenizer);
    }

    /// <param name="validatedLine">The record as written to validated.jsonl, which its reject line repeats.</param>
    public async Task AddAsync(DrpRecord record, byte[] validatedLine, CancellationToken cancellationToken = default)
    {
        summary.Add(record);
        report.Add(record);
        if (record.Rejected is not null)
        {
            await rejects.WriteLineAsync(validatedLine, cancellationToken);
        }
        else
        {
            await train.WriteAsync(record, cancellationToken);
            if (trainParquet is not null)
            {
                await trainParquet.WriteAsync(record, cancellationToken);
            }
        }
    }

    /// <summary>Commits the files and writes dataset_info.json, summary.json (with the teacher's usage and cost) and report.html.</summary>
    public async Task<RunSummary> FinishAsync(IReadOnlyDictionary<string, StageUsage>? usage, double? costUsd, CancellationToken cancellationToken = default)
    {
        await rejects.CommitAsync();
        await train.CommitAsync();
        if (trainParquet is not null)
        {
            await trainParquet.CommitAsync();
        }

        await DatasetInfo.MergeAsync(Path.Combine(directory, RunDirectory.DatasetInfo), train.DatasetEntries("drp_train"));
        var result = summary.Build() with { TeacherUsage = usage, CostUsd = costUsd, MaxTokens = maxTokens };
        await AtomicFile.WriteAllTextAsync(Path.Combine(directory, RunDirectory.Summary), DrpJson.SerializeSummary(result) + "\n");
        await report.WriteAsync(directory, result);
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        await rejects.DisposeAsync();
        await train.DisposeAsync();
        if (trainParquet is not null)
        {
            await trainParquet.DisposeAsync();
        }
    }
}

using System.Text.Json.Nodes;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;

namespace Drp.Core.Export;

/// <summary>
/// Writes the training files of an export: the pruned traces, the originals (the control set) or both, each split
/// into train and validation when asked. Files sit beside the output: <c>train.jsonl</c>, <c>train.original.jsonl</c>,
/// <c>train.val.jsonl</c>, <c>train.original.val.jsonl</c>.
/// </summary>
public sealed class Exporter : IAsyncDisposable
{
    private readonly ExportOptions options;
    private readonly SplitAssigner? split;
    private readonly List<Target> targets = [];

    private sealed record Target(bool Original, bool Validation, string? Path, ILineSink Writer)
    {
        public int Lines { get; set; }
    }

    private Exporter(ExportOptions options, SplitAssigner? split)
    {
        this.options = options;
        this.split = split;
    }

    /// <param name="outputPath">The main file, or null or <c>-</c> for stdout (one file only).</param>
    /// <exception cref="ArgumentException">Several files were asked for without an output path.</exception>
    public static Exporter Create(string? outputPath, TextWriter stdout, ExportOptions options, string variant = Variants.Pruned, SplitAssigner? split = null)
    {
        var toStdout = outputPath is null or "-";
        if (toStdout && options.Parquet)
        {
            throw new ArgumentException("Parquet is written to a file: name it with -o FILE.parquet");
        }

        if (toStdout && (variant == Variants.Both || split is not null))
        {
            throw new ArgumentException($"{(variant == Variants.Both ? "--variant both" : "--val-ratio")} writes several files: name the main one with -o FILE");
        }

        var exporter = new Exporter(options, split);
        foreach (var original in variant switch { Variants.Both => new[] { false, true }, Variants.Original => [true], _ => [false] })
        {
            foreach (var validation in split is null ? new[] { false } : [false, true])
            {
                var path = toStdout ? null : FileName(outputPath!, original && variant == Variants.Both, validation);
                exporter.targets.Add(new Target(original, validation, path, Sink(path, stdout, options)));
            }
        }

        return exporter;
    }

    /// <summary>The written files with their line counts.</summary>
    public IEnumerable<(string? Path, bool Original, bool Validation, int Lines)> Files =>
        targets.Select(t => (t.Path, t.Original, t.Validation, t.Lines));

    /// <summary>Writes an exportable record to its files; returns false for a record that is not exportable.</summary>
    public async Task<bool> WriteAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        if (!ExportStage.IsExportable(record))
        {
            return false;
        }

        var validation = split?.IsValidation(record.Id) ?? false;
        foreach (var target in targets.Where(t => t.Validation == validation))
        {
            await target.Writer.WriteLineAsync(ExportStage.ToLine(record, options, target.Original), cancellationToken);
            target.Lines++;
        }

        return true;
    }

    public async Task CommitAsync()
    {
        foreach (var target in targets)
        {
            await target.Writer.CommitAsync();
        }
    }

    /// <summary>The dataset_info.json entries of the written files, named from <paramref name="datasetName"/>.</summary>
    public IReadOnlyList<(string Name, JsonObject Entry)> DatasetEntries(string datasetName) =>
    [
        .. targets.Where(t => t.Path is not null).Select(t => (
            datasetName + (t.Original && targets.Any(o => !o.Original) ? "_original" : "") + (t.Validation ? "_val" : ""),
            DatasetInfo.Entry(options.Format, Path.GetFileName(t.Path!), options.System is not null))),
    ];

    public async ValueTask DisposeAsync()
    {
        foreach (var target in targets)
        {
            await target.Writer.DisposeAsync();
        }
    }

    /// <summary>A Parquet file for a name ending in .parquet (or --output-format parquet), else JSON Lines.</summary>
    private static ILineSink Sink(string? path, TextWriter stdout, ExportOptions options) =>
        path is not null && (options.Parquet || path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            ? ParquetLineWriter.Create(path, TrainingLines.Write(new TrainingExample("question", "reasoning", "answer"), options.Format, options.System))
            : JsonlWriter.Create(path, stdout);

    private static string FileName(string outputPath, bool original, bool validation)
    {
        var extension = Path.GetExtension(outputPath);
        var stem = outputPath[..^extension.Length];
        return stem + (original ? ".original" : "") + (validation ? ".val" : "") + extension;
    }
}

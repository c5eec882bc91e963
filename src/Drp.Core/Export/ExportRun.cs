using Drp.Core.Hygiene;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Export;

/// <summary>What <c>drp export</c> reads and writes.</summary>
/// <param name="Input">A path, or <c>-</c> for stdin.</param>
/// <param name="Output">A path, or null for stdout.</param>
/// <param name="Dedup">Export each question once (two passes over the input; stdin is saved to a temporary file for it).</param>
/// <param name="DatasetInfo">A LLaMA-Factory dataset_info.json to write the files' entries into, under <paramref name="DatasetName"/>.</param>
/// <param name="DatasetCard">Write a Hub dataset card (README.md) beside the files.</param>
/// <param name="Decontaminate">Benchmark questions kept out of the files: a record that asks one is not exported.</param>
/// <param name="MaxTokens">The longest line the trainer takes: a record with a longer line is not exported.</param>
/// <param name="AllowEmpty">Write the files even when no record is exported (by default a file is only replaced by one with lines).</param>
public sealed record ExportPass(
    string Input, LoadOptions Load, string? Output, ExportOptions Options, string Variant = Variants.Pruned, SplitAssigner? Split = null,
    bool Dedup = false, string? DatasetInfo = null, string DatasetName = "drp_train", bool DatasetCard = false, BenchmarkIndex? Decontaminate = null,
    LineLimit? MaxTokens = null, bool AllowEmpty = false);

/// <summary>
/// What an export did: records read, exported, dropped as repeated questions, never validated (and so not exported),
/// and the lines of each file written; with <see cref="ExportPass.Decontaminate"/>, the records kept out as contaminated
/// (by benchmark file, and the first few of them).
/// </summary>
public sealed record ExportCounts(int Records, int Exported, int Dropped, int NotValidated, IReadOnlyList<(string Path, int Lines)> Files)
{
    public IReadOnlyDictionary<string, int> Contaminated { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<DrpRecord> ContaminatedExamples { get; init; } = [];

    /// <summary>With <see cref="ExportPass.MaxTokens"/>: the longest line of an exportable record, in tokens as the trainer renders it.</summary>
    public int LongestLine { get; init; }

    /// <summary>With <see cref="ExportPass.MaxTokens"/>: exportable records left out because a line of theirs is longer (<c>too_long</c>).</summary>
    public int TooLong { get; init; }

    /// <summary>Whether the files were written: not when nothing was exported (unless <see cref="ExportPass.AllowEmpty"/>), so a good file stays.</summary>
    public bool Written { get; init; } = true;
}

/// <summary>The loop of <c>drp export</c>: the validated records stream in, the exportable ones are written as training lines.</summary>
public static class ExportRun
{
    /// <exception cref="ArgumentException">A dataset card or Parquet asked for without an output file.</exception>
    public static async Task<ExportCounts> RunAsync(ExportPass pass, Func<Stream> openStdin, TextWriter stdout, CancellationToken cancellationToken)
    {
        if (pass.DatasetCard && pass.Output is null or "-")
        {
            throw new ArgumentException("--dataset-card goes beside the training files: name them with -o FILE");
        }

        await using var exporter = Exporter.Create(pass.Output, stdout, pass.Options, pass.Variant, pass.Split);
        await using var spool = pass.Dedup && pass.Input == "-" ? await Spool.FromAsync(openStdin(), cancellationToken) : null;
        var path = spool?.Path ?? pass.Input;
        async IAsyncEnumerable<DrpRecord> Records()
        {
            await foreach (var record in RecordLoader.LoadAsync(path, pass.Load, path == "-" ? openStdin() : null, cancellationToken: cancellationToken))
            {
                yield return ExportStage.IsExportable(record) && pass.Decontaminate is { } index ? index.Check(record) : record;
            }
        }

        var duplicates = pass.Dedup ? new DuplicateFilter() : null;
        if (duplicates is not null)
        {
            await foreach (var record in Records())
            {
                duplicates.Observe(record);
            }
        }

        var (records, exported, dropped, notValidated) = (0, 0, 0, 0);
        var contaminated = new ContaminationTally(examples: 2);
        var (longestLine, tooLong) = (0, 0);
        bool[] originals = pass.Variant switch { Variants.Both => [false, true], Variants.Original => [true], _ => [false] };
        bool IsTooLong(DrpRecord record)
        {
            if (pass.MaxTokens is not { } limit || !ExportStage.IsExportable(record))
            {
                return false;
            }

            var longest = limit.Longest(record, pass.Options, originals);
            longestLine = Math.Max(longestLine, longest);
            return longest > limit.MaxTokens;
        }

        await foreach (var record in Records())
        {
            records++;
            contaminated.Add(record);

            notValidated += record is { Rejected: null, Validation: null } ? 1 : 0;
            if (duplicates?.Keep(record) == false)
            {
                dropped++;
            }
            else if (IsTooLong(record))
            {
                tooLong++;
            }
            else if (await exporter.WriteAsync(record, cancellationToken))
            {
                exported++;
            }
        }

        // A failed export (the wrong input, every record rejected) leaves the file it would have replaced as it was.
        var written = exported > 0 || pass.AllowEmpty;
        if (written)
        {
            await WriteFilesAsync(pass, exporter);
        }

        return new ExportCounts(records, exported, dropped, notValidated, written ? [.. exporter.Files.Where(f => f.Path is not null).Select(f => (f.Path!, f.Lines))] : [])
        {
            Contaminated = contaminated.Counts,
            ContaminatedExamples = contaminated.Examples,
            LongestLine = longestLine,
            TooLong = tooLong,
            Written = written,
        };
    }

    /// <summary>The training files moved into place, with the dataset_info.json entries and the dataset card asked for.</summary>
    private static async Task WriteFilesAsync(ExportPass pass, Exporter exporter)
    {
        await exporter.CommitAsync();
        if (pass.DatasetInfo is { } infoPath)
        {
            await Export.DatasetInfo.MergeAsync(infoPath, exporter.DatasetEntries(pass.DatasetName));
        }

        if (pass.DatasetCard)
        {
            await Export.DatasetCard.WriteAsync([.. exporter.Files.Select(f => (f.Path!, f.Original, f.Validation, f.Lines))], pass.Options, pass.DatasetName);
        }
    }

    /// <summary>Standard input saved to a temporary file, for the two passes of --dedup.</summary>
    private sealed class Spool : IAsyncDisposable
    {
        private Spool(string path) => Path = path;

        public string Path { get; }

        public static async Task<Spool> FromAsync(Stream stdin, CancellationToken cancellationToken)
        {
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"drp-export-{Environment.ProcessId}-{Guid.NewGuid():N}.jsonl");
            await using (var file = File.Create(path))
            {
                await stdin.CopyToAsync(file, cancellationToken);
            }

            return new Spool(path);
        }

        public ValueTask DisposeAsync()
        {
            File.Delete(Path);
            return ValueTask.CompletedTask;
        }
    }
}

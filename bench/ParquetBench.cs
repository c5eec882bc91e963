using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;

namespace Drp.Bench;

/// <summary>
/// Reading the same records from Parquet and from JSON Lines, side by side: <c>drp validate</c> (read, map, write;
/// no teacher) on the QwQ traces replicated to N records, as JSON Lines and as Parquet files of 1,000-row groups written
/// two ways: by Apache Arrow's writer with its defaults (1 MB pages, Snappy: how pyarrow, and so the Hub's datasets,
/// write them) and by Parquet.Net (one page per column chunk, so a reader holds a row group's whole
/// column in memory); alternately three times each, the best time and the highest peak of each.
/// </summary>
public static class ParquetBench
{
    private const int RowGroupRows = 1_000;

    private sealed class Row
    {
        [JsonPropertyName("id")] public string? Id { get; set; }

        [JsonPropertyName("question")] public string? Question { get; set; }

        [JsonPropertyName("gold")] public string? Gold { get; set; }

        [JsonPropertyName("trace")] public string? Trace { get; set; }
    }

    public static async Task RunAsync(string data, IReadOnlyList<int> sizes, TextWriter output)
    {
        var drp = PublishedDrp.Path;
        var work = Directory.CreateTempSubdirectory("drp-parquet-").FullName;
        var c = CultureInfo.InvariantCulture;
        try
        {
            output.WriteLine($"reading Parquet vs JSON Lines (drp validate, qwq-32b.gsm8k.part1 replicated; Parquet in {RowGroupRows:N0}-row groups; best of 3, alternating):");
            foreach (var size in sizes)
            {
                var jsonl = Path.Combine(work, $"qwq-{size}.jsonl");
                await ThroughputBench.ReplicateAsync(Path.Combine(data, "traces", "qwq-32b.gsm8k.part1.json"), jsonl, size);
                (string Name, string Path)[] inputs =
                [
                    ("JSON Lines", jsonl),
                    ("Parquet, Arrow's writer", await AsArrowParquetAsync(jsonl, Path.Combine(work, $"qwq-{size}.arrow.parquet"))),
                    ("Parquet, Parquet.Net's writer", await AsParquetNetAsync(jsonl, Path.Combine(work, $"qwq-{size}.net.parquet"))),
                ];
                var best = inputs.Select(_ => (Seconds: double.MaxValue, PeakMb: 0.0)).ToArray();
                for (var round = 0; round < 3; round++)
                {
                    for (var i = 0; i < inputs.Length; i++)
                    {
                        var run = await ThroughputBench.Measure(["dotnet", drp, "validate", inputs[i].Path, "-o", Path.Combine(work, "out.jsonl"), "-q"]);
                        best[i] = (Math.Min(best[i].Seconds, run.Seconds), Math.Max(best[i].PeakMb, run.PeakMb));
                    }
                }

                output.WriteLine(string.Create(c, $"  {size} records:"));
                for (var i = 0; i < inputs.Length; i++)
                {
                    var against = i == 0 ? "" : string.Create(c, $"; against JSON Lines: speed {best[0].Seconds / best[i].Seconds:F2}x, peak memory {best[i].PeakMb / best[0].PeakMb:F2}x");
                    output.WriteLine(string.Create(c, $"    {inputs[i].Name} ({new FileInfo(inputs[i].Path).Length / 1e6:F0} MB): {size / best[i].Seconds:F0} records/s, peak {best[i].PeakMb:F0} MB{against}"));
                    File.Delete(inputs[i].Path);
                }
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The records of a JSON Lines file as a Parquet file written by Apache Arrow's writer (ParquetSharp) with
    /// its default page size and compression. Without dictionaries: the replicated records would shrink into them,
    /// where a real file's distinct traces fall back to plain pages.</summary>
    private static async Task<string> AsArrowParquetAsync(string jsonl, string target)
    {
        Func<Row, string?>[] columns = [row => row.Id, row => row.Question, row => row.Gold, row => row.Trace];
        string[] names = ["id", "question", "gold", "trace"];
        using var properties = new ParquetSharp.WriterPropertiesBuilder().Compression(ParquetSharp.Compression.Snappy).DisableDictionary().Build();
        using var writer = new ParquetSharp.ParquetFileWriter(target, names.Select(name => (ParquetSharp.Column)new ParquetSharp.Column<string>(name)).ToArray(), properties);
        await foreach (var rows in RowGroupsAsync(jsonl))
        {
            using var rowGroup = writer.AppendRowGroup();
            foreach (var column in columns)
            {
                using var values = rowGroup.NextColumn().LogicalWriter<string?>();
                values.WriteBatch(rows.Select(column).ToArray());
            }
        }

        writer.Close();
        return target;
    }

    /// <summary>The records of a JSON Lines file as a Parquet file written by Parquet.Net, a row group at a time.</summary>
    private static async Task<string> AsParquetNetAsync(string jsonl, string target)
    {
        await using var file = new FileStream(target, FileMode.Create, FileAccess.ReadWrite);
        var written = false;
        await foreach (var rows in RowGroupsAsync(jsonl))
        {
            await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { Append = written });
            written = true;
        }

        return target;
    }

    /// <summary>The records of a JSON Lines file, <see cref="RowGroupRows"/> at a time.</summary>
    private static async IAsyncEnumerable<List<Row>> RowGroupsAsync(string jsonl)
    {
        var rows = new List<Row>(RowGroupRows);
        await foreach (var line in File.ReadLinesAsync(jsonl))
        {
            var record = JsonNode.Parse(line)!;
            rows.Add(new Row
            {
                Id = record["id"]!.GetValue<string>(),
                Question = record["question"]!.GetValue<string>(),
                Gold = record["gold"]!.GetValue<string>(),
                Trace = record["trace"]!.GetValue<string>(),
            });
            if (rows.Count == RowGroupRows)
            {
                yield return rows;
                rows = new List<Row>(RowGroupRows);
            }
        }

        if (rows.Count > 0)
        {
            yield return rows;
        }
    }
}

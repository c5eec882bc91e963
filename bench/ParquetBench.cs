using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Parquet;
using Parquet.Serialization;

namespace Drp.Bench;

/// <summary>
/// Reading the same records from Parquet and from JSON Lines, side by side: <c>drp validate</c> (read, map, write;
/// no teacher) on the QwQ traces replicated to N records, as JSON Lines and as a Parquet file of 1,000-row groups
/// (memory holds one row group), alternately three times each; the best time and the highest peak of each.
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
                var parquet = await AsParquetAsync(jsonl, Path.Combine(work, $"qwq-{size}.parquet"));
                var (fromJsonl, fromParquet) = ((Seconds: double.MaxValue, PeakMb: 0.0), (Seconds: double.MaxValue, PeakMb: 0.0));
                for (var round = 0; round < 3; round++)
                {
                    var j = await ThroughputBench.Measure(["dotnet", drp, "validate", jsonl, "-o", Path.Combine(work, "out.jsonl"), "-q"]);
                    var p = await ThroughputBench.Measure(["dotnet", drp, "validate", parquet, "-o", Path.Combine(work, "out.jsonl"), "-q"]);
                    fromJsonl = (Math.Min(fromJsonl.Seconds, j.Seconds), Math.Max(fromJsonl.PeakMb, j.PeakMb));
                    fromParquet = (Math.Min(fromParquet.Seconds, p.Seconds), Math.Max(fromParquet.PeakMb, p.PeakMb));
                }

                output.WriteLine(string.Create(c,
                    $"  {size} records: JSON Lines ({new FileInfo(jsonl).Length / 1e6:F0} MB) {size / fromJsonl.Seconds:F0} records/s, peak {fromJsonl.PeakMb:F0} MB; " +
                    $"Parquet ({new FileInfo(parquet).Length / 1e6:F0} MB) {size / fromParquet.Seconds:F0} records/s, peak {fromParquet.PeakMb:F0} MB; " +
                    $"Parquet/JSON Lines: speed {fromJsonl.Seconds / fromParquet.Seconds:F2}x, peak memory {fromParquet.PeakMb / fromJsonl.PeakMb:F2}x"));
                File.Delete(jsonl);
                File.Delete(parquet);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The records of a JSON Lines file as a Parquet file, written a row group at a time.</summary>
    private static async Task<string> AsParquetAsync(string jsonl, string target)
    {
        await using var file = new FileStream(target, FileMode.Create, FileAccess.ReadWrite);
        var rows = new List<Row>(RowGroupRows);
        var written = false;
        async Task FlushAsync()
        {
            await ParquetSerializer.SerializeAsync(rows, file, new ParquetOptions { Append = written });
            written = true;
            rows.Clear();
        }

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
                await FlushAsync();
            }
        }

        if (rows.Count > 0)
        {
            await FlushAsync();
        }

        return target;
    }
}

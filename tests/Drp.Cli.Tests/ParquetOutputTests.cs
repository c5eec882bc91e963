using System.Text.Json;
using Apache.Arrow;
using ParquetSharp.Arrow;

namespace Drp.Cli.Tests;

/// <summary>Training files as Parquet, read back by another implementation (Apache Arrow's C++ reader, through ParquetSharp).</summary>
public sealed class ParquetOutputTests
{
    /// <summary>Every row of a Parquet file as JSON, read with Apache Arrow: strings as strings, lists of structs as arrays of objects.</summary>
    private static async Task<List<string>> ReadWithArrowAsync(string path)
    {
        using var reader = new FileReader(path);
        using var batches = reader.GetRecordBatchReader();
        var rows = new List<string>();
        while (await batches.ReadNextRecordBatchAsync() is { } batch)
        {
            using (batch)
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    var row = new Dictionary<string, object?>();
                    for (var c = 0; c < batch.ColumnCount; c++)
                    {
                        row[batch.Schema.GetFieldByIndex(c).Name] = batch.Column(c) switch
                        {
                            StringArray text => text.GetString(i),
                            ListArray list => Turns((StructArray)list.GetSlicedValues(i)),
                            var other => throw new InvalidOperationException($"unexpected column type {other.GetType().Name}"),
                        };
                    }

                    rows.Add(JsonSerializer.Serialize(row));
                }
            }
        }

        return rows;
    }

    private static List<Dictionary<string, string>> Turns(StructArray turns)
    {
        var fields = ((Apache.Arrow.Types.StructType)turns.Data.DataType).Fields;
        return [.. Enumerable.Range(0, turns.Length).Select(t => fields.Select((f, k) => (f.Name, Value: ((StringArray)turns.Fields[k]).GetString(t)!)).ToDictionary(x => x.Name, x => x.Value))];
    }

    /// <summary>A JSONL line re-serialized the way <see cref="ReadWithArrowAsync"/> writes rows (same field order).</summary>
    private static string Normalized(string line) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line));

    [Theory]
    [InlineData("messages", null)]
    [InlineData("sharegpt", "Think step by step.")]
    [InlineData("sft-jsonl", null)]
    [InlineData("prompt-completion", "Think step by step.")]
    public async Task An_export_as_parquet_reads_back_in_arrow_as_the_same_lines_as_json_lines(string format, string? system)
    {
        using var dir = new TempDir();
        Assert.Equal(0, (await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "-q")).ExitCode);
        string[] common = ["export", dir.File("run/validated.jsonl"), "--format", format, "-q", .. system is null ? System.Array.Empty<string>() : ["--system", system]];

        var jsonl = await CliRunner.RunAsync([.. common, "-o", dir.File("train.jsonl")]);
        var parquet = await CliRunner.RunAsync([.. common, "-o", dir.File("train.parquet")]);
        var forced = await CliRunner.RunAsync([.. common, "-o", dir.File("train.data"), "--output-format", "parquet"]);

        Assert.All(new[] { jsonl, parquet, forced }, r => Assert.True(r.ExitCode == 0, r.Stderr));
        var expected = File.ReadAllLines(dir.File("train.jsonl")).Select(Normalized).ToList();
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, await ReadWithArrowAsync(dir.File("train.parquet")));
        Assert.Equal(expected, await ReadWithArrowAsync(dir.File("train.data")));
    }

    [Fact]
    public async Task Run_with_parquet_writes_train_parquet_beside_train_jsonl()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--parquet", "-q");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllLines(dir.File("train.jsonl")).Select(Normalized), await ReadWithArrowAsync(dir.File("train.parquet")));
    }

    [Fact]
    public async Task A_dataset_card_names_the_files_and_splits_for_the_hub()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "-q");

        var result = await CliRunner.RunAsync("export", dir.File("run/validated.jsonl"), "--format", "messages", "-o", dir.File("hub/train.parquet"),
            "--val-ratio", "0.25", "--variant", "both", "--dataset-card", "--dataset-name", "gsm8k_pruned", "-q");
        var toStdout = await CliRunner.RunAsync("export", dir.File("run/validated.jsonl"), "--output-format", "parquet");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var card = File.ReadAllText(dir.File("hub/README.md"));
        Assert.StartsWith("---\nconfigs:\n- config_name: pruned\n  default: true\n  data_files:\n  - split: train\n    path: train.parquet\n  - split: validation\n    path: train.val.parquet\n"
            + "- config_name: original\n  data_files:\n  - split: train\n    path: train.original.parquet\n  - split: validation\n    path: train.original.val.parquet\n", card);
        Assert.Contains("# gsm8k_pruned", card);
        var rows = (await ReadWithArrowAsync(dir.File("hub/train.parquet"))).Count + (await ReadWithArrowAsync(dir.File("hub/train.val.parquet"))).Count;
        Assert.Equal(12, rows);
        Assert.Equal(2, toStdout.ExitCode);
        Assert.Equal("drp: error: Parquet is written to a file: name it with -o FILE.parquet\n", toStdout.Stderr);
    }
}

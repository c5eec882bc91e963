using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Parquet.Serialization;

namespace Drp.Cli.Tests;

/// <summary>Parquet as the Hub serves it: shards read as one input, nested columns, chat layouts, other thinking markers.</summary>
public sealed class ParquetInputTests
{
    /// <summary>A row in the layout of open-r1/OpenR1-Math-220k.</summary>
    private sealed class OpenR1Row
    {
        [JsonPropertyName("problem")] public string? Problem { get; set; }

        [JsonPropertyName("answer")] public string? Answer { get; set; }

        [JsonPropertyName("generations")] public List<string>? Generations { get; set; }

        [JsonPropertyName("correctness_math_verify")] public List<bool>? Correct { get; set; }

        [JsonPropertyName("messages")] public List<Turn>? Messages { get; set; }
    }

    private sealed class Turn
    {
        [JsonPropertyName("role")] public string? Role { get; set; }

        [JsonPropertyName("content")] public string? Content { get; set; }
    }

    /// <summary>The samples as OpenR1 rows (the last has no trace column value, the one before a cut trace).</summary>
    private static List<OpenR1Row> SampleRows() => [.. File.ReadLines(TestPaths.SampleFile).Select(line =>
    {
        var record = JsonNode.Parse(line)!.AsObject();
        var response = record["response"]?.GetValue<string>();
        return new OpenR1Row
        {
            Problem = record["question"]!.GetValue<string>(),
            Answer = record["answer"]!.GetValue<string>(),
            Generations = response is null ? [] : [response],
            Correct = response is null ? [] : [true],
            Messages = [new Turn { Role = "user", Content = record["question"]!.GetValue<string>() }, .. response is null ? Array.Empty<Turn>() : [new Turn { Role = "assistant", Content = response }]],
        };
    })];

    [Fact]
    public async Task Two_parquet_shards_in_a_folder_give_the_train_file_of_the_same_records_as_json_lines()
    {
        using var dir = new TempDir();
        var rows = SampleRows();
        Directory.CreateDirectory(dir.File("data"));
        await ParquetSerializer.SerializeAsync(rows.Take(8), dir.File("data/train-00000-of-00002.parquet"));
        await ParquetSerializer.SerializeAsync(rows.Skip(8), dir.File("data/train-00001-of-00002.parquet"));
        File.WriteAllLines(dir.File("same.jsonl"), rows.Select(r => JsonSerializer.Serialize(r)));

        var parquet = await CliRunner.RunAsync("run", dir.File("data"), "--out", dir.File("from-parquet"), "-q");
        var jsonl = await CliRunner.RunAsync("run", dir.File("same.jsonl"), "--out", dir.File("from-jsonl"), "-q");
        var glob = await CliRunner.RunAsync("run", dir.File("data/train-*.parquet"), "--out", dir.File("from-glob"), "-q");

        Assert.True(parquet.ExitCode == 0, parquet.Stderr);
        Assert.True(jsonl.ExitCode == 0, jsonl.Stderr);
        Assert.True(glob.ExitCode == 0, glob.Stderr);
        var train = File.ReadAllBytes(dir.File("from-jsonl/train.jsonl"));
        Assert.Equal(12, File.ReadAllLines(dir.File("from-jsonl/train.jsonl")).Length);
        Assert.Equal(train, File.ReadAllBytes(dir.File("from-parquet/train.jsonl")));
        Assert.Equal(train, File.ReadAllBytes(dir.File("from-glob/train.jsonl")));
        Assert.Contains($"{dir.File("data/train-00001-of-00002.parquet")}:row 7: no trace field", parquet.Stderr);
    }

    [Fact]
    public async Task A_hub_snapshot_reads_its_train_shards_by_default_another_split_when_asked_and_says_what_it_read()
    {
        using var dir = new TempDir();
        var rows = SampleRows();
        var test = rows.Take(3).Select(r => new OpenR1Row { Problem = "Test: " + r.Problem, Answer = r.Answer, Generations = r.Generations, Correct = r.Correct, Messages = r.Messages }).ToList();
        Directory.CreateDirectory(dir.File("hub/data"));
        dir.Write("hub/README.md", "---\nconfigs:\n- config_name: default\n---\n# A dataset\n");
        dir.Write("hub/.gitattributes", "*.parquet filter=lfs diff=lfs merge=lfs -text\n");
        await ParquetSerializer.SerializeAsync(rows.Take(8), dir.File("hub/data/train-00000-of-00002.parquet"));
        await ParquetSerializer.SerializeAsync(rows.Skip(8), dir.File("hub/data/train-00001-of-00002.parquet"));
        await ParquetSerializer.SerializeAsync(test, dir.File("hub/data/test-00000-of-00001.parquet"));
        File.WriteAllLines(dir.File("same.jsonl"), rows.Select(r => JsonSerializer.Serialize(r)));

        var hub = await CliRunner.RunAsync("run", dir.File("hub"), "--out", dir.File("from-hub"));
        var jsonl = await CliRunner.RunAsync("run", dir.File("same.jsonl"), "--out", dir.File("from-jsonl"), "-q");
        var testSplit = await CliRunner.RunAsync("run", dir.File("hub"), "--split", "test", "--out", dir.File("from-test"), "-q");
        var all = await CliRunner.RunAsync("run", dir.File("hub"), "--split", "all", "--out", dir.File("from-all"), "-q");
        var missing = await CliRunner.RunAsync("run", dir.File("hub"), "--split", "validation", "--out", dir.File("from-validation"), "-q");

        Assert.All(new[] { hub, jsonl, testSplit, all }, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal(File.ReadAllBytes(dir.File("from-jsonl/train.jsonl")), File.ReadAllBytes(dir.File("from-hub/train.jsonl")));
        Assert.Contains($"reading 2 files of {dir.File("hub")} (split train): data/train-00000-of-00002.parquet, data/train-00001-of-00002.parquet; "
            + "not read: test (1 file) (--split NAME, or --split all for every file)", hub.Stderr);
        Assert.Equal(["test", "test", "test"], Splits(dir.File("from-test/validated.jsonl")));
        Assert.Equal([.. Enumerable.Repeat("test", 3), .. Enumerable.Repeat("train", 15)], Splits(dir.File("from-all/validated.jsonl")).Order());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains($"{dir.File("hub")} has no validation split: it holds test (1 file), train (2 files); give --split test, or --split all for every file", missing.Stderr);
        Assert.False(Directory.Exists(dir.File("from-validation")));

        static List<string?> Splits(string validated) => [.. File.ReadLines(validated).Select(line => JsonNode.Parse(line)!["split"]?.GetValue<string>())];
    }

    [Fact]
    public async Task List_and_struct_columns_are_reached_by_map_paths_the_last_turn_by_minus_one()
    {
        using var dir = new TempDir();
        await ParquetSerializer.SerializeAsync(SampleRows().Take(3), dir.File("r.parquet"));

        var result = await CliRunner.RunAsync("decompose", dir.File("r.parquet"), "--map", "question=messages[0].content,trace=messages[-1].content,gold=answer");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var records = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.NotNull(r["steps"]));
        Assert.Equal(SampleRows()[0].Problem, records[0]["question"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_without_the_trace_column_rejects_each_record_with_the_reason_and_a_cut_off_file_is_named()
    {
        using var dir = new TempDir();
        var rows = SampleRows().Take(3).Select(r => new { problem = r.Problem, answer = r.Answer }).ToList();
        await ParquetSerializer.SerializeAsync(rows, dir.File("no-trace.parquet"));
        var bytes = File.ReadAllBytes(dir.File("no-trace.parquet"));
        File.WriteAllBytes(dir.File("cut.parquet"), bytes[..(bytes.Length / 2)]);

        var noTrace = await CliRunner.RunAsync("run", dir.File("no-trace.parquet"), "--out", dir.File("a"), "-q");
        var cut = await CliRunner.RunAsync("run", dir.File("cut.parquet"), "--out", dir.File("b"), "-q");

        Assert.Equal(4, noTrace.ExitCode);
        Assert.Contains($"{dir.File("no-trace.parquet")}:row 1: no trace field (tried trace, response", noTrace.Stderr);
        Assert.Equal(3, File.ReadAllLines(dir.File("a/rejects.jsonl")).Length);
        Assert.Equal(2, cut.ExitCode);
        Assert.StartsWith($"drp: error: {dir.File("cut.parquet")}: not a readable Parquet file (cut off or not Parquet?)", cut.Stderr);
    }

    [SharedDataFact]
    public async Task The_hub_layouts_written_by_another_implementation_export_what_their_trace_files_export()
    {
        using var dir = new TempDir();
        var openR1 = await CliRunner.RunAsync("run", TestPaths.Shared("hf/openr1-shape.qwq-32b.gsm8k.parquet"), "--out", dir.File("openr1"), "-q");
        var stratos = await CliRunner.RunAsync("run", TestPaths.Shared("hf/stratos-shape.r1-distill-qwen-1.5b.gsm8k.parquet"), "--out", dir.File("stratos"), "-q");
        var qwq = await CliRunner.RunAsync("run", TestPaths.Shared("traces/qwq-32b.gsm8k.part1.json"), "--records", "tasks",
            "--map", "question=question,gold=correct_answer,trace=model_answers.thinking_model", "--out", dir.File("qwq"), "-q");
        var r1 = await CliRunner.RunAsync("run", TestPaths.Shared("traces/r1-distill-qwen-1.5b.gsm8k.json"), "--out", dir.File("r1"), "-q");

        Assert.All(new[] { openR1, stratos, qwq, r1 }, r => Assert.True(r.ExitCode == 0, r.Stderr));
        Assert.Equal(File.ReadAllBytes(dir.File("qwq/train.jsonl")), File.ReadAllBytes(dir.File("openr1/train.jsonl")));
        var stratosTrain = File.ReadAllText(dir.File("stratos/train.jsonl"));
        Assert.Equal(File.ReadAllText(dir.File("r1/train.jsonl")), stratosTrain);
        Assert.Equal(301, stratosTrain.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("<|", stratosTrain);
        var cut = File.ReadAllBytes(TestPaths.Shared("hf/stratos-shape.r1-distill-qwen-1.5b.gsm8k.parquet"));
        File.WriteAllBytes(dir.File("cut.parquet"), cut[..(cut.Length * 3 / 4)]);
        var cutRun = await CliRunner.RunAsync("run", dir.File("cut.parquet"), "--out", dir.File("cut"), "-q");
        Assert.Equal(2, cutRun.ExitCode);
        Assert.Contains("not a readable Parquet file", cutRun.Stderr);
    }

    [Fact]
    public async Task Several_generations_fan_out_into_records_of_their_own_and_the_datasets_wrong_ones_are_rejected_before_pruning()
    {
        using var dir = new TempDir();
        var rows = SampleRows().Take(3).ToList();
        foreach (var row in rows)
        {
            row.Generations = [row.Generations![0], row.Generations[0].Replace("</think>", "\n\nOne more check.\n</think>")];
            row.Correct = [true, false];
        }

        await ParquetSerializer.SerializeAsync(rows, dir.File("two.parquet"));

        var result = await CliRunner.RunAsync("decompose", dir.File("two.parquet"), "--map", "trace=generations[*]");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var records = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(6, records.Count);
        Assert.Equal(records.Select(r => r["id"]!.GetValue<string>()).Distinct().Count(), records.Count);
        Assert.All(records.Where((_, i) => i % 2 == 0), r => Assert.EndsWith("#0", r["id"]!.GetValue<string>()));
        Assert.All(records.Where((_, i) => i % 2 == 0), r => Assert.NotNull(r["steps"]));
        Assert.All(records.Where((_, i) => i % 2 == 1), r =>
        {
            Assert.EndsWith("#1", r["id"]!.GetValue<string>());
            Assert.Equal("wrong_answer", r["rejected"]!["reason"]!.GetValue<string>());
            Assert.EndsWith("generations[1]: the dataset marks this generation wrong (correctness_math_verify[1] is false)", r["rejected"]!["detail"]!.GetValue<string>());
        });
    }
}

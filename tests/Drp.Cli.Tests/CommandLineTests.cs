using System.Text.Json;

namespace Drp.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Run_on_the_samples_leaves_every_output_and_writes_nothing_to_stdout()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stdout);
        foreach (var name in new[] { "decomposed.jsonl", "pruned.jsonl", "validated.jsonl", "train.jsonl", "rejects.jsonl", "summary.json", "dataset_info.json" })
        {
            Assert.True(File.Exists(dir.File(name)), name);
        }

        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json")));
        var root = summary.RootElement;
        Assert.Equal(15, root.GetProperty("records_in").GetInt32());
        Assert.Equal(12, root.GetProperty("exported").GetInt32());
        Assert.Equal(3, root.GetProperty("rejected").GetInt32());
        Assert.Equal(1, root.GetProperty("rejected_by_reason").GetProperty("incomplete_trace").GetInt32());
        Assert.True(root.GetProperty("keep_ratio").GetDouble() < 0.75);
        Assert.Equal("heuristic", root.GetProperty("teacher").GetString());
        Assert.Equal("o200k", root.GetProperty("tokenizer").GetString());
        Assert.True(root.GetProperty("tokens_original_mean").GetDouble() > root.GetProperty("tokens_pruned_mean").GetDouble());
        Assert.Contains("15 records: 12 exported, 3 rejected", result.Stderr);
    }

    [Fact]
    public async Task Piped_stages_give_byte_for_byte_the_train_file_of_run()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);

        var decomposed = await CliRunner.RunAsync("decompose", TestPaths.SampleFile);
        var pruned = await CliRunner.RunWithStdinAsync(decomposed.Stdout, "prune", "-");
        var validated = await CliRunner.RunWithStdinAsync(pruned.Stdout, "validate", "-");
        var exported = await CliRunner.RunWithStdinAsync(validated.Stdout, "export", "-", "--format", "sft-jsonl");

        Assert.All(new[] { decomposed, pruned, validated, exported }, r => Assert.Equal(0, r.ExitCode));
        Assert.Equal(File.ReadAllText(dir.File("train.jsonl")), exported.Stdout);
        Assert.Equal(File.ReadAllText(dir.File("validated.jsonl")), validated.Stdout);
    }

    [Fact]
    public async Task Two_runs_give_identical_outputs()
    {
        using var first = new TempDir();
        using var second = new TempDir();

        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", first.Path);
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", second.Path);

        // manifest.json names the run's own directory, run.log the times of its events; every output is compared.
        foreach (var file in Directory.GetFiles(first.Path).Select(Path.GetFileName).Where(f => f is not ("manifest.json" or "run.log")))
        {
            Assert.Equal(File.ReadAllBytes(first.File(file!)), File.ReadAllBytes(second.File(file!)));
        }
    }

    [Theory]
    [InlineData("missing input", "run", "no-such-file.jsonl", "--out", "OUT")]
    [InlineData("unknown option", "run", "SAMPLE", "--out", "OUT", "--frobnicate")]
    [InlineData("unknown teacher", "decompose", "SAMPLE", "--teacher", "oracle")]
    [InlineData("bad map", "decompose", "SAMPLE", "--map", "colour=x")]
    [InlineData("missing --out", "run", "SAMPLE")]
    [InlineData("unknown command", "distill", "SAMPLE")]
    public async Task Bad_invocations_exit_2_with_one_line_on_stderr_and_nothing_on_stdout(string why, params string[] args)
    {
        using var dir = new TempDir();
        var resolved = args.Select(a => a == "SAMPLE" ? TestPaths.SampleFile : a == "OUT" ? dir.Path : a).ToArray();

        var result = await CliRunner.RunAsync(resolved);

        Assert.True(result.ExitCode == 2, $"{why}: exit {result.ExitCode}\n{result.Stderr}");
        Assert.Equal("", result.Stdout);
        Assert.Single(result.StderrLines);
        Assert.StartsWith("drp: error: ", result.Stderr);
    }

    [Fact]
    public async Task A_missing_input_file_is_named_in_the_message()
    {
        var result = await CliRunner.RunAsync("decompose", "nowhere/traces.jsonl");

        Assert.Equal("drp: error: nowhere/traces.jsonl: file not found\n", result.Stderr);
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_its_place_and_the_other_records_go_on()
    {
        var lines = File.ReadLines(TestPaths.SampleFile).Take(2).ToList();
        var input = $"{lines[0]}\n{{\"question\": \"broken\n{lines[1]}\n";

        var result = await CliRunner.RunWithStdinAsync(input, "decompose", "-");

        Assert.Equal(0, result.ExitCode);
        var records = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, records.Count);
        Assert.True(records[0].TryGetProperty("steps", out _));
        Assert.Equal("malformed_record", records[1].GetProperty("rejected").GetProperty("reason").GetString());
        Assert.True(records[2].TryGetProperty("steps", out _));
        Assert.Contains("drp: warning: <stdin>:2: malformed JSON at column 21: the text ends inside a string (cut off?)", result.Stderr);
    }

    [Fact]
    public async Task Validate_keeps_the_rejects_with_their_reasons()
    {
        using var dir = new TempDir();
        var decomposed = await CliRunner.RunAsync("decompose", TestPaths.SampleFile);
        var pruned = await CliRunner.RunWithStdinAsync(decomposed.Stdout, "prune", "-");

        var result = await CliRunner.RunWithStdinAsync(pruned.Stdout, "validate", "-", "--rejects", dir.File("rejects.jsonl"));

        Assert.Equal(0, result.ExitCode);
        var rejects = File.ReadAllLines(dir.File("rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(
            ["incomplete_trace", "missing_trace", "wrong_answer"],
            rejects.Select(r => r.GetProperty("rejected").GetProperty("reason").GetString()).Order());
        var wrong = rejects.Single(r => r.GetProperty("id").GetString() == "wrong-tiles");
        Assert.Equal("the pruned trace answers 60, the gold answer is 120", wrong.GetProperty("rejected").GetProperty("detail").GetString());
        Assert.Contains("validate: 15 records, 12 passed, 1 rejected here, 2 rejected earlier", result.Stderr);
    }

    [Fact]
    public async Task Export_writes_the_dataset_info_entry_for_its_file()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);

        var result = await CliRunner.RunAsync("export", dir.File("validated.jsonl"), "-o", dir.File("drp.jsonl"),
            "--dataset-info", dir.File("info.json"), "--dataset-name", "gsm8k_drp");

        Assert.Equal(0, result.ExitCode);
        using var info = JsonDocument.Parse(File.ReadAllText(dir.File("info.json")));
        var entry = info.RootElement.GetProperty("gsm8k_drp");
        Assert.Equal("drp.jsonl", entry.GetProperty("file_name").GetString());
        var columns = entry.GetProperty("columns");
        Assert.Equal("instruction", columns.GetProperty("prompt").GetString());
        Assert.Equal("input", columns.GetProperty("query").GetString());
        Assert.Equal("output", columns.GetProperty("response").GetString());
        Assert.Equal(File.ReadAllText(dir.File("train.jsonl")), File.ReadAllText(dir.File("drp.jsonl")));
    }

    [Fact]
    public async Task Help_goes_to_stdout_and_names_every_command()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "decompose", "prune", "validate", "export", "run" })
        {
            Assert.Contains(command, result.Stdout);
        }
    }

    [Fact]
    public async Task Grade_adds_a_verdict_to_every_record_and_prints_accuracy_per_source()
    {
        var result = await CliRunner.RunAsync("grade", TestPaths.SampleFile);

        Assert.Equal(0, result.ExitCode);
        var records = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(15, records.Count);
        Assert.All(records, r => Assert.True(r.TryGetProperty("grade", out _)));
        var wrong = records.Single(r => r.GetProperty("id").GetString() == "wrong-tiles").GetProperty("grade");
        Assert.False(wrong.GetProperty("ok").GetBoolean());
        Assert.Equal("60", wrong.GetProperty("extracted").GetString());
        Assert.Equal("boxed", wrong.GetProperty("method").GetString());
        Assert.Contains("gsm8k-style: 12 of 15 correct (80.0%); 2 without a complete trace", result.Stderr);
    }

    [Theory]
    [InlineData("0.1", 4)]
    [InlineData("0.25", 0)]
    public async Task Fail_on_reject_rate_turns_too_many_rejects_into_exit_code_4(string limit, int expected)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File(".train.jsonl.999999.tmp"), "left by a killed run");

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--fail-on-reject-rate", limit);

        Assert.Equal(expected, result.ExitCode);
        Assert.True(File.Exists(dir.File("train.jsonl")));
        Assert.False(File.Exists(dir.File(".train.jsonl.999999.tmp")));
        if (expected == 4)
        {
            Assert.Contains("drp: error: 3 of 15 records rejected (20.0%), more than --fail-on-reject-rate 0.1", result.Stderr);
        }
    }

    [Fact]
    public async Task Three_shards_run_apart_then_merged_give_the_outputs_of_one_run()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("whole"));
        for (var k = 0; k < 3; k++)
        {
            var shard = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File($"shard{k}"), "--shard", $"{k}/3");
            Assert.Equal(0, shard.ExitCode);
        }

        var merged = await CliRunner.RunAsync("merge", "--out", dir.File("merged"), dir.File("shard2"), dir.File("shard0"), dir.File("shard1"));

        Assert.Equal(0, merged.ExitCode);
        var sizes = Enumerable.Range(0, 3).Select(k => File.ReadLines(Path.Combine(dir.File($"shard{k}"), "validated.jsonl")).Count()).ToList();
        Assert.Equal(15, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 1, 13));
        foreach (var file in new[] { "decomposed.jsonl", "pruned.jsonl", "validated.jsonl", "train.jsonl", "rejects.jsonl", "summary.json", "dataset_info.json", "report.html" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(dir.File("whole"), file)), File.ReadAllText(Path.Combine(dir.File("merged"), file)));
        }

        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("merged"), "manifest.json"))).RootElement;
        Assert.Equal("merge", manifest.GetProperty("args")[0].GetString());
        Assert.Equal(TestPaths.SampleFile, manifest.GetProperty("input").GetProperty("path").GetString());
        Assert.Equal([dir.File("shard2"), dir.File("shard0"), dir.File("shard1")], manifest.GetProperty("shards").EnumerateArray().Select(s => s.GetString()));

        // A folder that holds a run of another input is replaced only with --force, as by drp run.
        var other = dir.Write("other.jsonl", string.Join("\n", File.ReadLines(TestPaths.SampleFile).Take(2)) + "\n");
        await CliRunner.RunAsync("run", other, "--out", dir.File("other"), "-q");
        var refused = await CliRunner.RunAsync("merge", "--out", dir.File("other"), dir.File("shard0"), dir.File("shard1"), dir.File("shard2"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"--out {dir.File("other")} holds a run of another input ({other}); give another --out, or --force", refused.Stderr);
        Assert.Equal(2, File.ReadLines(Path.Combine(dir.File("other"), "train.jsonl")).Count());
        Assert.Equal(0, (await CliRunner.RunAsync("merge", "--out", dir.File("other"), "--force", dir.File("shard0"), dir.File("shard1"), dir.File("shard2"))).ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.File("whole"), "train.jsonl")), File.ReadAllText(Path.Combine(dir.File("other"), "train.jsonl")));
    }

    [Theory]
    [InlineData("3/3")]
    [InlineData("1")]
    [InlineData("-1/2")]
    public async Task A_bad_shard_is_refused_with_one_line(string shard)
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--shard", shard);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains("--shard", result.Stderr);
    }

    [Fact]
    public async Task A_config_file_gives_the_options_of_run_and_the_command_line_wins()
    {
        using var dir = new TempDir();
        var config = dir.Write("drp.json", $$"""
            {"input": {{JsonSerializer.Serialize(TestPaths.SampleFile)}}, "out": {{JsonSerializer.Serialize(dir.File("from-config"))}}, "tokenizer": "cl100k", "fail-on-reject-rate": 0.1, "quiet": true}
            """);

        var fromConfig = await CliRunner.RunAsync("run", "--config", config);
        var overridden = await CliRunner.RunAsync("run", "--config", config, "--out", dir.File("from-args"), "--fail-on-reject-rate", "0.5");

        Assert.Equal(4, fromConfig.ExitCode);
        Assert.Equal(0, overridden.ExitCode);
        Assert.Equal("cl100k", JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("from-args"), "summary.json"))).RootElement.GetProperty("tokenizer").GetString());
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("from-args"), "manifest.json"))).RootElement;
        Assert.Equal("heuristic", manifest.GetProperty("teacher").GetString());
        Assert.Equal(64, manifest.GetProperty("input").GetProperty("sha256").GetString()!.Length);
        Assert.Equal(15, manifest.GetProperty("input").GetProperty("lines").GetInt64());
        Assert.Contains("--tokenizer cl100k", manifest.GetProperty("command").GetString());
    }

    [Theory]
    [InlineData("""{"colour": "blue"}""", "'colour' is not an option of drp run")]
    [InlineData("""[1, 2]""", "not a JSON object")]
    [InlineData("""{"out": """, "not valid JSON at line 1, column 9")]
    public async Task A_bad_config_file_is_refused_with_one_line(string content, string message)
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", "--config", dir.Write("bad.json", content));

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StderrLines);
        Assert.Contains(message, result.Stderr);
    }

    [Fact]
    public async Task Status_tells_where_a_run_stands()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);
        File.Delete(dir.File("summary.json"));

        var unfinished = await CliRunner.RunAsync("status", dir.Path);
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path);
        var finished = await CliRunner.RunAsync("status", dir.Path);

        Assert.Equal(0, finished.ExitCode);
        Assert.Contains("teacher: heuristic", finished.Stdout);
        Assert.Contains("train.jsonl: written", finished.Stdout);
        Assert.Contains("finished: 15 records, 12 exported, 3 rejected", finished.Stdout);
        Assert.Contains("summary.json: not yet", unfinished.Stdout);
        Assert.Contains("not finished: drp run with the same options continues it", unfinished.Stdout);
    }
}

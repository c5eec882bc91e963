using System.Text.Json;
using Drp.Core.Export;

namespace Drp.Cli.Tests;

public sealed class ExportCommandTests
{
    private static async Task<string> ValidatedSamples(TempDir dir)
    {
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"));
        return Path.Combine(dir.File("run"), "validated.jsonl");
    }

    private static List<string> Questions(string path, string format) =>
        File.ReadLines(path).Select(line => TrainingLines.Read(line, format).Question).ToList();

    [Fact]
    public async Task Every_format_exports_the_same_records_and_reads_back()
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);
        var expected = Questions(Path.Combine(dir.File("run"), "train.jsonl"), ExportFormat.SftJsonl);

        foreach (var format in ExportFormat.All)
        {
            var result = await CliRunner.RunAsync("export", validated, "--format", format, "-o", dir.File($"{format}.jsonl"));

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(expected, Questions(dir.File($"{format}.jsonl"), format));
            Assert.All(File.ReadLines(dir.File($"{format}.jsonl")), line =>
                TrainingLines.SplitAssistant(TrainingLines.Read(line, format).Assistant));
        }
    }

    [Fact]
    public async Task Variant_both_writes_pruned_and_original_traces_of_the_same_records_in_the_same_order()
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);

        var result = await CliRunner.RunAsync("export", validated, "--variant", "both", "-o", dir.File("train.jsonl"),
            "--dataset-info", dir.File("dataset_info.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Questions(dir.File("train.jsonl"), "sft-jsonl"), Questions(dir.File("train.original.jsonl"), "sft-jsonl"));
        var pruned = File.ReadLines(dir.File("train.jsonl")).Sum(l => l.Length);
        var original = File.ReadLines(dir.File("train.original.jsonl")).Sum(l => l.Length);
        Assert.True(pruned < original, $"pruned {pruned} vs original {original} characters");
        var info = JsonDocument.Parse(File.ReadAllText(dir.File("dataset_info.json"))).RootElement;
        Assert.Equal("train.original.jsonl", info.GetProperty("drp_train_original").GetProperty("file_name").GetString());
    }

    [Fact]
    public async Task The_validation_split_is_the_same_on_every_run_and_covers_every_record_once()
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);

        await CliRunner.RunAsync("export", validated, "--val-ratio", "0.3", "--seed", "1", "-o", dir.File("a.jsonl"));
        await CliRunner.RunAsync("export", validated, "--val-ratio", "0.3", "--seed", "1", "-o", dir.File("b.jsonl"));

        Assert.Equal(File.ReadAllText(dir.File("a.val.jsonl")), File.ReadAllText(dir.File("b.val.jsonl")));
        Assert.Equal(File.ReadAllText(dir.File("a.jsonl")), File.ReadAllText(dir.File("b.jsonl")));
        var all = Questions(Path.Combine(dir.File("run"), "train.jsonl"), "sft-jsonl");
        var split = Questions(dir.File("a.jsonl"), "sft-jsonl").Concat(Questions(dir.File("a.val.jsonl"), "sft-jsonl"));
        Assert.Equal(all.Order(), split.Order());
        Assert.NotEmpty(Questions(dir.File("a.val.jsonl"), "sft-jsonl"));
    }

    [Fact]
    public async Task Dedup_keeps_one_record_per_question_from_stdin_too()
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);
        var lines = File.ReadAllLines(validated);
        var doubled = string.Join("\n", lines.Concat(lines.Select(l => l.Replace("\"id\":\"", "\"id\":\"z-")))) + "\n";

        var plain = await CliRunner.RunWithStdinAsync(doubled, "export", "-");
        var deduped = await CliRunner.RunWithStdinAsync(doubled, "export", "-", "--dedup");

        Assert.Equal(24, plain.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(File.ReadAllText(Path.Combine(dir.File("run"), "train.jsonl")), deduped.Stdout);
        Assert.Contains("12 repeated questions dropped", deduped.Stderr);
    }

    [Theory]
    [InlineData("--answer-style", "boxed", "\n</think>\n\n\\boxed{18}|")]
    [InlineData("--answer-style", "sentence", "\n</think>\n\nThe answer is 18.|")]
    [InlineData("--system", "Think step by step.", "|Think step by step.")]
    public async Task Answer_style_and_system_turn_show_in_the_lines(string option, string value, string expected)
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);

        var result = await CliRunner.RunAsync("export", validated, option, value);

        var (_, system, assistant) = TrainingLines.Read(result.Stdout.Split('\n')[0], ExportFormat.SftJsonl);
        Assert.Contains(expected, $"{assistant}|{system}");
    }

    [Fact]
    public async Task Several_files_to_stdout_are_refused_with_one_line()
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);

        var result = await CliRunner.RunAsync("export", validated, "--variant", "both");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("drp: error: --variant both writes several files: name the main one with -o FILE\n", result.Stderr);
    }

    [Fact]
    public async Task An_export_that_exports_nothing_leaves_the_file_it_would_replace_as_it_was()
    {
        using var dir = new TempDir();
        var validated = await ValidatedSamples(dir);
        var good = dir.File("good-train.jsonl");
        await CliRunner.RunAsync("export", validated, "-o", good, "--dataset-info", dir.File("dataset_info.json"));
        var before = File.ReadAllText(good);

        var wrongInput = await CliRunner.RunAsync("export", Path.Combine(dir.File("run"), "decomposed.jsonl"), "-o", good, "--dataset-info", dir.File("other_info.json"));
        var allowed = await CliRunner.RunAsync("export", Path.Combine(dir.File("run"), "decomposed.jsonl"), "-o", dir.File("empty.jsonl"), "--allow-empty");

        Assert.Equal(4, wrongInput.ExitCode);
        Assert.Equal(before, File.ReadAllText(good));
        Assert.Contains($"nothing to write: {good} left as it was (--allow-empty writes the files empty)", wrongInput.Stderr);
        Assert.False(File.Exists(dir.File("other_info.json")));
        Assert.Empty(Directory.EnumerateFiles(dir.Path, ".*.tmp"));
        Assert.Equal(4, allowed.ExitCode);
        Assert.Equal("", File.ReadAllText(dir.File("empty.jsonl")));
    }

    [Fact]
    public async Task A_run_folder_given_to_export_is_read_for_its_validated_records()
    {
        using var dir = new TempDir();
        await ValidatedSamples(dir);

        var result = await CliRunner.RunAsync("export", dir.File("run"), "-o", dir.File("train.jsonl"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is a run folder: reading its validated records", result.Stderr);
        Assert.Contains("export: 12 of 15 records exported", result.Stderr);
        Assert.Equal(File.ReadAllLines(Path.Combine(dir.File("run"), "train.jsonl")), File.ReadAllLines(dir.File("train.jsonl")));
    }
}

using System.Text.Json;
using Drp.Core.Export;
using Drp.Core.Tokens;

namespace Drp.Cli.Tests;

/// <summary><c>drp export --max-tokens</c>: lines as long as the trainer sees them, none over the limit, none cut.</summary>
public sealed class MaxTokensTests
{
    [SharedDataFact]
    public async Task No_exported_line_is_longer_than_max_tokens_and_the_records_left_out_are_counted_not_cut()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"));
        var qwen2 = TestPaths.Shared("tokenizers/qwen2");
        var limit = LineLimit.Create(1, TokenCounters.Create(qwen2), ChatTemplate.R1Distill);
        var lengths = File.ReadLines(Path.Combine(dir.File("run"), "train.jsonl")).Select(Length).Order().ToList();
        var max = lengths[lengths.Count / 2];

        var result = await CliRunner.RunAsync("export", Path.Combine(dir.File("run"), "validated.jsonl"), "-o", dir.File("train.jsonl"),
            "--max-tokens", max.ToString(System.Globalization.CultureInfo.InvariantCulture), "--tokenizer", qwen2, "--template", "r1-distill");

        Assert.Equal(0, result.ExitCode);
        var exported = File.ReadLines(dir.File("train.jsonl")).ToList();
        var left = lengths.Count(l => l > max);
        Assert.Equal(lengths.Count - left, exported.Count);
        Assert.All(exported, line => Assert.True(Length(line) <= max, $"{Length(line)} tokens > {max}"));
        Assert.Subset(File.ReadLines(Path.Combine(dir.File("run"), "train.jsonl")).ToHashSet(), exported.ToHashSet());
        Assert.Contains($"the longest {lengths[^1]}; {left} of {lengths.Count} records", result.Stderr);
        Assert.Contains($"over --max-tokens {max}, left out as too_long", result.Stderr);

        int Length(string line)
        {
            var (question, system, assistant) = TrainingLines.Read(line, ExportFormat.SftJsonl);
            var (reasoning, answer) = TrainingLines.SplitAssistant(assistant);
            return limit.Length(new TrainingExample(question, reasoning, answer), system);
        }
    }

    [SharedDataFact]
    public async Task Run_rejects_the_records_whose_line_is_too_long_counts_them_and_marks_the_limit_in_the_report()
    {
        using var dir = new TempDir();
        var qwen2 = TestPaths.Shared("tokenizers/qwen2");
        var limit = LineLimit.Create(150, TokenCounters.Create(qwen2), ChatTemplate.R1Distill);

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "--tokenizer", qwen2, "--template", "r1-distill", "--max-tokens", "150");

        Assert.Equal(0, result.ExitCode);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("run"), "summary.json"))).RootElement;
        var tooLong = summary.GetProperty("rejected_by_reason").GetProperty("too_long").GetInt32();
        Assert.InRange(tooLong, 1, 11);
        Assert.Equal(150, summary.GetProperty("max_tokens").GetInt32());
        Assert.True(summary.GetProperty("longest_line").GetInt32() > 150);
        var train = File.ReadLines(Path.Combine(dir.File("run"), "train.jsonl")).ToList();
        Assert.Equal(12 - tooLong, train.Count);
        Assert.All(train, line =>
        {
            var (question, system, assistant) = TrainingLines.Read(line, ExportFormat.SftJsonl);
            var (reasoning, answer) = TrainingLines.SplitAssistant(assistant);
            Assert.InRange(limit.Length(new TrainingExample(question, reasoning, answer), system), 1, 150);
        });
        Assert.Contains("id=\"max-tokens\"", File.ReadAllText(Path.Combine(dir.File("run"), "report.html")));
        Assert.Contains("over --max-tokens 150: a trainer would cut it", File.ReadAllText(Path.Combine(dir.File("run"), "rejects.jsonl")));
    }

    [Fact]
    public async Task Max_tokens_needs_the_students_tokenizer_and_a_template_it_can_name()
    {
        using var dir = new TempDir();

        var noTokenizer = await CliRunner.RunAsync("export", TestPaths.SampleFile, "-o", dir.File("a.jsonl"), "--max-tokens", "2048");
        var noTemplate = await CliRunner.RunAsync("export", TestPaths.SampleFile, "-o", dir.File("b.jsonl"), "--max-tokens", "2048", "--tokenizer", dir.Path);
        var zero = await CliRunner.RunAsync("export", TestPaths.SampleFile, "-o", dir.File("c.jsonl"), "--max-tokens", "0", "--tokenizer", dir.Path, "--template", "chatml");

        Assert.Equal(2, noTokenizer.ExitCode);
        Assert.Contains("--max-tokens counts in the student's tokenizer: give its folder with --tokenizer DIR (not o200k)", noTokenizer.Stderr);
        Assert.Equal(2, noTemplate.ExitCode);
        Assert.Contains("no chat template", noTemplate.Stderr);
        Assert.Equal(2, zero.ExitCode);
        Assert.Contains("--max-tokens: 0 is not a number of tokens", zero.Stderr);
        Assert.False(File.Exists(dir.File("a.jsonl")) || File.Exists(dir.File("b.jsonl")) || File.Exists(dir.File("c.jsonl")));
    }
}

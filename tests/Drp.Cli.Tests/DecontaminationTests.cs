using System.Text.Json;
using Drp.Core.Export;

namespace Drp.Cli.Tests;

/// <summary><c>--decontaminate</c> on run and export, and <c>drp decontaminate</c>, on the samples against a benchmark file that holds two of their questions.</summary>
public sealed class DecontaminationTests
{
    // The bakery question with other numbers, and the school trip's word for word.
    private static string Benchmark(TempDir dir) => dir.Write("bench.jsonl",
        """
        {"question": "A bakery bakes 20 trays of muffins with 10 muffins on each tray. It sells 90 muffins in the morning. How many muffins are left?", "answer": "110"}
        {"question": "A school trip needs buses for 215 students. Each bus holds 48 students. How many buses are needed?", "answer": "5"}
        {"question": "How many legs do 7 spiders have in all, if each spider has 8 legs?", "answer": "56"}

        """);

    [Fact]
    public async Task Run_rejects_the_records_that_ask_a_benchmark_question_before_any_teacher_and_counts_them_by_benchmark()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "--decontaminate", Benchmark(dir));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("decontaminate: 3 benchmark questions from bench.jsonl", result.Stderr);
        Assert.Contains("contaminated by bench.jsonl: 2", result.Stderr);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir.File("run"), "summary.json"))).RootElement;
        Assert.Equal(2, summary.GetProperty("rejected_by_reason").GetProperty("contaminated").GetInt32());
        Assert.Equal(2, summary.GetProperty("contaminated").GetProperty("bench.jsonl").GetInt32());
        var rejects = File.ReadLines(Path.Combine(dir.File("run"), "rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("rejected").GetProperty("reason").GetString() == "contaminated").ToList();
        Assert.Equal(["bakery-muffins", "school-trip"], rejects.Select(r => r.GetProperty("id").GetString()));
        Assert.All(rejects, r => Assert.False(r.TryGetProperty("steps", out _), "a contaminated record never reaches the teacher"));
        Assert.Contains("bench.jsonl (line 1: \"A bakery bakes 20 trays", rejects[0].GetProperty("rejected").GetProperty("detail").GetString());
        Assert.Equal("line 2", rejects[1].GetProperty("contamination").GetProperty("location").GetString());
        var train = File.ReadLines(Path.Combine(dir.File("run"), "train.jsonl")).Select(l => TrainingLines.Read(l, ExportFormat.SftJsonl).Question).ToList();
        Assert.Equal(10, train.Count);
        Assert.DoesNotContain(train, q => q.StartsWith("A bakery", StringComparison.Ordinal) || q.StartsWith("A school trip", StringComparison.Ordinal));
        var report = File.ReadAllText(Path.Combine(dir.File("run"), "report.html"));
        Assert.Contains("id=\"contaminated\"", report);
        Assert.Contains("data-benchmark=\"bench.jsonl\">2<", report);
        Assert.Contains("<b>bakery-muffins</b> matches bench.jsonl (line 1)", report);
    }

    [Fact]
    public async Task Export_leaves_out_the_contaminated_records_and_says_how_many_by_benchmark()
    {
        using var dir = new TempDir();
        await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"));

        var result = await CliRunner.RunAsync("export", Path.Combine(dir.File("run"), "validated.jsonl"), "-o", dir.File("train.jsonl"),
            "--decontaminate", $"{Benchmark(dir)},{dir.Write("other.csv", "question,answer\nWhat is 2 + 2 in a world with five fingers on each hand of every person?,4\n")}");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("export: 10 of 15 records exported, 2 contaminated", result.Stderr);
        Assert.Contains("contaminated by bench.jsonl: 2", result.Stderr);
        Assert.Contains("bakery-muffins is line 1 of bench.jsonl", result.Stderr);
        Assert.Equal(10, File.ReadLines(dir.File("train.jsonl")).Count());
    }

    [Fact]
    public async Task Decontaminate_reports_each_match_as_a_line_and_exports_nothing()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("decontaminate", TestPaths.SampleFile, "--against", Benchmark(dir));

        Assert.Equal(0, result.ExitCode);
        var matches = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["bakery-muffins", "school-trip"], matches.Select(m => m.GetProperty("id").GetString()));
        Assert.All(matches, m => Assert.False(m.TryGetProperty("trace", out _)));
        Assert.Equal("bench.jsonl", matches[0].GetProperty("contamination").GetProperty("benchmark").GetString());
        Assert.Contains("decontaminate: 2 of 15 records ask a benchmark question", result.Stderr);
    }

    [Fact]
    public async Task A_missing_or_questionless_benchmark_file_is_a_clear_error_and_nothing_is_written()
    {
        using var dir = new TempDir();

        var missing = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"), "--decontaminate", dir.File("nope.jsonl"));
        var questionless = await CliRunner.RunAsync("export", TestPaths.SampleFile, "-o", dir.File("train.jsonl"),
            "--decontaminate", dir.Write("answers.jsonl", "{\"answer\": 3}\n"));
        var badMap = await CliRunner.RunAsync("decontaminate", TestPaths.SampleFile, "--against", Benchmark(dir), "--decontaminate-map", "problem");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--decontaminate: " + dir.File("nope.jsonl") + ": no such file", missing.Stderr);
        Assert.False(File.Exists(Path.Combine(dir.File("run"), "train.jsonl")));
        Assert.Equal(2, questionless.ExitCode);
        Assert.Contains("answers.jsonl: no benchmark question read", questionless.Stderr);
        Assert.False(File.Exists(dir.File("train.jsonl")));
        Assert.Equal(2, badMap.ExitCode);
        Assert.Contains("--decontaminate-map: 'problem' is not target=path", badMap.Stderr);
    }
}

using System.Text.Json;

namespace Drp.Cli.Tests;

/// <summary><c>drp run --batch</c> against the loopback server's Files and Batches endpoints.</summary>
[Collection(nameof(ApiKeyEnvironment))]
public sealed class BatchRunTests
{
    private static string[] Run(FakeOpenAiServer server, string dir, params string[] more) =>
    [
        "run", TestPaths.SampleFile, "--out", dir, "--teacher", "openai", "--model", "gpt-4o-mini", "--base-url", server.BaseUrl.ToString(), .. more,
    ];

    private static string[] BatchRun(FakeOpenAiServer server, string dir, params string[] more) =>
        Run(server, dir, ["--batch", "--batch-poll", "0.01", .. more]);

    private static JsonElement Summary(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement;

    [Fact]
    public async Task A_batch_run_exports_what_a_direct_run_exports_in_two_rounds_at_half_the_price()
    {
        await using var direct = await FakeOpenAiServer.StartAsync();
        await using var server = await FakeOpenAiServer.StartAsync();
        using var dir = new TempDir();

        var expected = await CliRunner.RunAsync(Run(direct, dir.File("direct")));
        var result = await CliRunner.RunAsync(BatchRun(server, dir.File("batch")));

        Assert.True(expected.ExitCode == 0, expected.Stderr);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllBytes(dir.File("direct/train.jsonl")), File.ReadAllBytes(dir.File("batch/train.jsonl")));
        Assert.Equal(File.ReadAllBytes(dir.File("direct/rejects.jsonl")), File.ReadAllBytes(dir.File("batch/rejects.jsonl")));
        Assert.Equal(2, server.Batches.Count);
        Assert.Equal(2, server.Batches.Select(b => b.InputFileId).Distinct().Count());
        Assert.Equal([13, 13], server.Batches.Select(b => b.Total));
        Assert.Equal(26, server.RequestCount);
        var usage = Summary(dir.File("batch")).GetProperty("teacher_usage");
        Assert.Equal(13, usage.GetProperty("decompose").GetProperty("requests").GetInt32());
        Assert.Equal(13, usage.GetProperty("prune").GetProperty("requests").GetInt32());
        Assert.Equal(Summary(dir.File("direct")).GetProperty("cost_usd").GetDouble() / 2, Summary(dir.File("batch")).GetProperty("cost_usd").GetDouble(), 0.0001);
        Assert.Contains("batch round 1: 13 of 15 records wait for 13 requests, in 1 file(s)", result.Stderr);

        var status = await CliRunner.RunAsync("status", dir.File("batch"));
        Assert.Contains("  batches: 2 in 2 round(s), 2 done\n", status.Stdout);
        Assert.Contains("    round-2-part-1: batch_2, 13 requests, completed, results in\n", status.Stdout);
        Assert.Matches(@"batch answers so far: 26, 2600 input and 1300 output tokens, about \$0\.000\d+ at batch prices", status.Stdout);

        var resumed = await CliRunner.RunAsync("run", "--resume", dir.File("batch"), "--batch-poll", "5");
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(2, server.Batches.Count);
        Assert.Equal(26, server.RequestCount);
        var args = JsonDocument.Parse(File.ReadAllText(dir.File("batch/manifest.json"))).RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Equal("5", args[args.IndexOf("--batch-poll") + 1]);
        Assert.Single(args, a => a == "--batch-poll");
    }

    [Fact]
    public async Task Requests_of_a_batch_that_expired_half_done_are_resubmitted_alone_and_the_outputs_are_complete()
    {
        await using var direct = await FakeOpenAiServer.StartAsync();
        await using var server = await FakeOpenAiServer.StartAsync();
        server.BatchEnding = n => n == 1 ? FakeBatchEnding.ExpiredHalfDone : FakeBatchEnding.Completed;
        using var dir = new TempDir();

        var expected = await CliRunner.RunAsync(Run(direct, dir.File("direct")));
        var result = await CliRunner.RunAsync(BatchRun(server, dir.File("batch")));

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(File.ReadAllBytes(dir.File("direct/train.jsonl")), File.ReadAllBytes(dir.File("batch/train.jsonl")));
        Assert.Equal("expired", server.Batches[0].Status);
        // Round 2 holds the 7 expired decompose requests and the 6 prunes of the records answered in round 1.
        Assert.Equal(13, server.Batches[1].Total);
        Assert.Equal(7, File.ReadAllLines(dir.File("batch/batches/round-2-part-1.jsonl")).Count(l => l.Contains(":decompose:")));
        Assert.Equal(26, server.Requests.Count);
    }

    [Fact]
    public async Task A_completed_batch_whose_results_are_all_in_the_error_file_ends_in_rejects_with_the_reason()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.BatchEnding = _ => FakeBatchEnding.AllInErrorFile;
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync(BatchRun(server, dir.Path, "--batch-retries", "1"));

        Assert.True(result.ExitCode == 4, result.Stderr); // nothing exported
        Assert.Contains("drp: warning: no record exported: 13 of 15 rejected as teacher_error; the first: the decompose request failed in 2 batches", result.Stderr);
        Assert.Equal(2, server.Batches.Count);
        Assert.All(server.Batches, b => Assert.Null(b.OutputFileId));
        var summary = Summary(dir.Path);
        Assert.Equal(0, summary.GetProperty("exported").GetInt32());
        Assert.Equal(13, summary.GetProperty("rejected_by_reason").GetProperty("teacher_error").GetInt32());
        var reject = File.ReadLines(dir.File("rejects.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .First(r => r.GetProperty("rejected").GetProperty("reason").GetString() == "teacher_error");
        Assert.Equal("the decompose request failed in 2 batches: status 500: scripted failure", reject.GetProperty("rejected").GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_run_stopped_after_uploading_finds_the_batch_it_made_instead_of_making_another()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var dir = new TempDir();
        var first = await CliRunner.RunAsync(BatchRun(server, dir.Path));
        Assert.True(first.ExitCode == 0, first.Stderr);

        // Cut the log back to the moment the second file was uploaded and its batch created, before its id was written.
        var log = dir.File("batches/log.jsonl");
        var lines = File.ReadAllLines(log);
        var upload = Array.FindIndex(lines, l => l.Contains("\"uploaded\"") && l.Contains("round-2-part-1"));
        File.WriteAllText(log, string.Join("\n", lines[..(upload + 1)]) + "\n{\"event\":\"crea");
        File.Delete(dir.File("train.jsonl"));
        var resumed = await CliRunner.RunAsync(BatchRun(server, dir.Path));

        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Equal(2, server.Batches.Count);
        Assert.True(File.Exists(dir.File("train.jsonl")));
        Assert.Equal(12, Summary(dir.Path).GetProperty("exported").GetInt32());
    }

    [Fact]
    public async Task An_endpoint_that_cannot_take_the_batch_stops_the_run_with_exit_code_3_and_says_how_to_continue()
    {
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai", "--base-url", "http://127.0.0.1:9/v1",
            "--batch", "--max-retries", "0");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("uploading round-1-part-1.jsonl: ", result.Stderr);
        Assert.Contains("drp run --resume DIR continues", result.Stderr);
        Assert.True(File.Exists(dir.File("batches/round-1-part-1.jsonl")));
    }

    [Fact]
    public async Task Batch_needs_an_llm_teacher_and_a_file()
    {
        using var dir = new TempDir();

        var offline = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--batch");
        var stdin = await CliRunner.RunWithStdinAsync("", "run", "-", "--out", dir.Path, "--batch", "--teacher", "openai", "--base-url", "http://127.0.0.1:9/v1");

        Assert.Equal(2, offline.ExitCode);
        Assert.Contains("--batch: only an LLM teacher sends requests (--teacher openai)", offline.Stderr);
        Assert.Equal(2, stdin.ExitCode);
        Assert.Contains("--batch reads the input once per round: name a file, not -", stdin.Stderr);
    }
}

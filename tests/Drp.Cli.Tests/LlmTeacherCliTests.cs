using System.Text.Json;

namespace Drp.Cli.Tests;

/// <summary><c>drp run --teacher openai</c> against a scripted OpenAI-compatible server on 127.0.0.1.</summary>
[Collection(nameof(ApiKeyEnvironment))]
public sealed class LlmTeacherCliTests
{
    private const string Key = "sk-drp-test-SECRET-0123456789abcdef";

    [Fact]
    public async Task A_run_with_the_openai_teacher_exports_reports_usage_and_never_writes_the_key()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var dir = new TempDir();
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", Key);
        try
        {
            var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai",
                "--model", "gpt-4o-mini", "--base-url", server.BaseUrl.ToString(), "--concurrency", "4", "-v");
            var first = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement.Clone();
            var rerun = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai",
                "--model", "gpt-4o-mini", "--base-url", server.BaseUrl.ToString(), "-v");

            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.True(rerun.ExitCode == 0, rerun.Stderr);
            Assert.Equal(26, server.RequestCount);
            Assert.All(server.Requests, r => Assert.Equal($"Bearer {Key}", r.Authorization));
            var summary = JsonDocument.Parse(File.ReadAllText(dir.File("summary.json"))).RootElement;
            Assert.Equal(12, summary.GetProperty("exported").GetInt32());
            Assert.Equal("openai:gpt-4o-mini", summary.GetProperty("teacher").GetString());
            Assert.Equal(13, summary.GetProperty("teacher_usage").GetProperty("decompose").GetProperty("cache_hits").GetInt32());
            Assert.Equal(0, summary.GetProperty("teacher_usage").GetProperty("prune").GetProperty("requests").GetInt32());
            // The rerun's answers all come from the cache: it reports what they cost, as the first run did, not zeros.
            Assert.Equal(first.GetProperty("cost_usd").GetDouble(), summary.GetProperty("cost_usd").GetDouble(), 1e-9);
            Assert.True(summary.GetProperty("cost_usd").GetDouble() > 0);
            Assert.Equal(first.GetProperty("teacher_usage").GetProperty("prune").GetProperty("output_tokens").GetInt64(),
                summary.GetProperty("teacher_usage").GetProperty("prune").GetProperty("output_tokens").GetInt64());
            Assert.Contains("teacher decompose: 13 requests", result.Stderr);
            foreach (var file in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
            {
                Assert.DoesNotContain(Key, File.ReadAllText(file));
            }

            Assert.DoesNotContain(Key, result.Stderr + result.Stdout + rerun.Stderr);
            Assert.DoesNotContain("SECRET", result.Stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }
    }

    [Fact]
    public async Task Answers_the_teacher_did_not_get_right_are_kept_as_written_and_counted_by_drp_status()
    {
        // Every prune answer's first attempt lacks its closing sentence; a refusal for one record's decomposition.
        await using var server = await FakeOpenAiServer.StartAsync(request =>
            request.Prompt.Contains("trays of muffins", StringComparison.Ordinal) && request.Prompt.Contains("\nReasoning:\n", StringComparison.Ordinal)
                ? FakeResponse.Answer("I'm sorry, but I can't help with that.")
                : request.Prompt.StartsWith("An earlier answer", StringComparison.Ordinal) || request.Prompt.Contains("\nReasoning:\n", StringComparison.Ordinal)
                    ? FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt))
                    : FakeResponse.Answer("Actions:\nStep 1: KEEP\n## Some text without a closing sentence."));
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai", "--base-url", server.BaseUrl.ToString());
        var rerun = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai", "--base-url", server.BaseUrl.ToString());
        var status = await CliRunner.RunAsync("status", dir.Path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        var kept = File.ReadAllLines(dir.File("cache/rejected-answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(kept, k => k.GetProperty("reason").GetString() == "teacher_declined" && k.GetProperty("answer").GetString()!.StartsWith("I'm sorry"));
        Assert.Contains(kept, k => k.GetProperty("reason").GetString() == "bad_pruning" && !k.GetProperty("final").GetBoolean()
            && k.GetProperty("answer").GetString()!.Contains("without a closing sentence"));
        // the rerun reads the same answers from the cache: each is counted once
        var pruneRetries = kept.Where(k => k.GetProperty("reason").GetString() == "bad_pruning").Select(k => k.GetProperty("id").GetString()).Distinct().Count();
        Assert.Equal(12, pruneRetries);
        Assert.Matches($@"teacher answers not accepted: {pruneRetries + 1} \(bad_pruning {pruneRetries}, teacher_declined 1\)", status.Stdout);
    }

    [Fact]
    public async Task A_dry_run_prints_the_requests_and_the_cost_and_sends_nothing()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var dir = new TempDir();

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai",
            "--base-url", server.BaseUrl.ToString(), "--dry-run");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, server.RequestCount);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(13, lines.Count);
        Assert.Equal($"bakery-muffins:decompose:{Core.Teachers.Llm.PromptSet.Embedded().Version}", lines[0].GetProperty("custom_id").GetString());
        Assert.Equal("/v1/chat/completions", lines[0].GetProperty("url").GetString());
        Assert.Equal("gpt-4o", lines[0].GetProperty("body").GetProperty("model").GetString());
        Assert.Matches(@"dry run: 15 records, 26 requests, about \d+ input and \d+ output tokens \(o200k\), about \$0\.\d\d; nothing was sent", result.Stderr);
        Assert.Contains("the 13 lines on stdout are the first requests; the other 13 (pruning) are written from their answers", result.Stderr);
        Assert.DoesNotContain("no price known", result.Stderr);

        var unknown = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("unknown"), "--teacher", "openai",
            "--base-url", server.BaseUrl.ToString(), "--model", "my-local-qwen", "--dry-run");
        Assert.Contains("no price known for my-local-qwen: give one with --price INPUT,CACHED,OUTPUT", unknown.Stderr);
    }

    [Fact]
    public async Task A_dry_run_against_openai_needs_no_key_so_the_cost_is_seen_before_getting_one()
    {
        using var dir = new TempDir();
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);

        var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai", "--model", "gpt-4o-mini", "--dry-run");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(13, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Matches(@"dry run: 15 records, 26 requests, .*, about \$0\.\d\d; nothing was sent", result.Stderr);
    }

    [Fact]
    public async Task An_endpoint_that_cannot_be_reached_stops_the_run_with_exit_3_naming_it()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var dir = new TempDir();
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", Key);
        try
        {
            var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai",
                "--base-url", $"http://127.0.0.1:{closedPort}/v1", "--max-retries", "1", "-q");

            Assert.True(result.ExitCode == 3, result.Stderr);
            Assert.Matches($@"drp: error: teacher: cannot reach the endpoint http://127\.0\.0\.1:{closedPort}/v1 after 1 retries: .*; check --base-url and the network", result.Stderr);
            Assert.False(File.Exists(dir.File("train.jsonl")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }
    }

    [Fact]
    public async Task OpenAI_without_a_key_in_the_environment_is_refused_with_one_line()
    {
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);

        var result = await CliRunner.RunAsync("decompose", TestPaths.SampleFile, "--teacher", "openai");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("drp: error: --teacher openai: OPENAI_API_KEY is not set (drp reads the key from the environment only)\n", result.Stderr);
    }

    [Fact]
    public async Task A_refused_key_stops_the_run_with_exit_code_3()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new FakeResponse(401, """{"error": {"message": "Incorrect API key provided", "type": "invalid_request_error"}}"""));
        using var dir = new TempDir();
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", Key);
        try
        {
            var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai", "--base-url", server.BaseUrl.ToString());

            Assert.True(result.ExitCode == 3, result.Stderr);
            Assert.StartsWith("drp: error: teacher: the endpoint refused the request (401)", result.Stderr);
            Assert.DoesNotContain(Key, result.Stderr);
            Assert.False(File.Exists(dir.File("train.jsonl")));
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }
    }
}

/// <summary>Tests that set OPENAI_API_KEY run one at a time.</summary>
[CollectionDefinition(nameof(ApiKeyEnvironment), DisableParallelization = true)]
public sealed class ApiKeyEnvironment;

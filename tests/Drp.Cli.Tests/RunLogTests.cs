using System.Text.Json;

namespace Drp.Cli.Tests;

/// <summary>What an operator sees of an LLM run while it works: each wait in run.log and, with --log-format json, on stderr.</summary>
[Collection(nameof(ApiKeyEnvironment))]
public sealed class RunLogTests
{
    /// <summary>The loopback teacher, answering 429 with Retry-After: 1 to its 3rd and 7th requests.</summary>
    private static FakeResponse RateLimitedTwice(FakeRequest request) => request.Number is 3 or 7
        ? new FakeResponse(429, Body: """{"error": {"message": "Rate limit reached", "type": "requests"}}""", Headers: new Dictionary<string, string> { ["Retry-After"] = "1" })
        : FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt));

    private static List<JsonElement> Events(IEnumerable<string> lines) => [.. lines.Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];

    private static List<JsonElement> Waits(IEnumerable<JsonElement> events) =>
        [.. events.Where(e => e.TryGetProperty("@mt", out var template) && template.GetString()!.Contains("waiting {WaitSeconds", StringComparison.Ordinal))];

    [Fact]
    public async Task Each_429_wait_is_one_json_event_in_run_log_and_log_format_json_prints_events_a_collector_parses()
    {
        await using var server = await FakeOpenAiServer.StartAsync(RateLimitedTwice);
        using var dir = new TempDir();
        Environment.SetEnvironmentVariable("OPENAI_API_KEY", "sk-test");
        try
        {
            var result = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.Path, "--teacher", "openai", "--model", "gpt-4o-mini",
                "--base-url", server.BaseUrl.ToString(), "--concurrency", "1", "--log-format", "json");

            Assert.True(result.ExitCode == 0, result.Stderr);
            var logged = Events(File.ReadAllLines(dir.File("run.log")));
            var waits = Waits(logged);
            Assert.Equal(2, waits.Count);
            Assert.All(waits, w =>
            {
                Assert.Equal("Warning", w.GetProperty("@l").GetString());
                Assert.Equal("the endpoint answered 429", w.GetProperty("Failure").GetString());
                Assert.InRange(w.GetProperty("WaitSeconds").GetDouble(), 1.0, 1.5);
            });
            Assert.Contains(logged, e => e.GetProperty("@mt").GetString() == "{Records} records: {Exported} exported, {Rejected} rejected" && e.GetProperty("Exported").GetInt32() == 12);
            var printed = Events(result.Stderr.Split('\n'));
            Assert.All(printed, e => Assert.True(e.TryGetProperty("@t", out _)));
            Assert.Equal(2, Waits(printed).Count);
            Assert.Equal(28, server.RequestCount);
        }
        finally
        {
            Environment.SetEnvironmentVariable("OPENAI_API_KEY", null);
        }
    }

    [Fact]
    public async Task A_run_whose_input_cannot_be_read_writes_no_run_log_and_a_resumed_run_appends_its_events_stage_times_included()
    {
        using var dir = new TempDir();

        var missing = await CliRunner.RunAsync("run", dir.File("nothing.jsonl"), "--out", dir.File("run"));
        Assert.False(Directory.Exists(dir.File("run")));
        var first = await CliRunner.RunAsync("run", TestPaths.SampleFile, "--out", dir.File("run"));
        var lines = File.ReadAllLines(dir.File("run/run.log")).Length;
        var resumed = await CliRunner.RunAsync("run", "--resume", dir.File("run"));

        Assert.Equal(2, missing.ExitCode);
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(resumed.ExitCode == 0, resumed.Stderr);
        Assert.Contains($"drp: {dir.File("run")} holds a run of this input: going on from it", resumed.Stderr);
        Assert.True(lines > 0);
        Assert.True(File.ReadAllLines(dir.File("run/run.log")).Length > lines);
        var events = Events(File.ReadAllLines(dir.File("run/run.log")));
        Assert.Equal(2, events.Count(e => e.TryGetProperty("Decompose", out var seconds) && seconds.GetDouble() >= 0 && e.TryGetProperty("Prune", out _)));
    }
}

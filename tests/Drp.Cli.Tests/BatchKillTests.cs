using System.Text.Json;

namespace Drp.Cli.Tests;

/// <summary>The real drp process, SIGKILLed while it waits on batches and resumed with <c>drp run --resume DIR</c>.</summary>
public sealed class BatchKillTests
{
    private static readonly string Drp = TestPaths.DrpExecutable;

    private static string[] Args(FakeOpenAiServer server, string dir) =>
    [
        Drp, "run", TestPaths.Shared("traces/qwq-32b.gsm8k.part1.json"), "--records", "tasks",
        "--map", "question=question,gold=correct_answer,trace=model_answers.thinking_model",
        "--out", dir, "--teacher", "openai", "--model", "gpt-4o-mini", "--base-url", server.BaseUrl.ToString(), "--batch", "--batch-poll", "0.05", "-q",
    ];

    [SharedDataFact]
    public async Task A_batch_run_over_243_records_killed_while_polling_and_resumed_creates_no_batch_twice_and_loses_no_record()
    {
        await using var reference = await FakeOpenAiServer.StartAsync();
        await using var server = await FakeOpenAiServer.StartAsync();
        server.PollsToFinish = 6;
        using var dir = new TempDir();

        var uninterrupted = await KilledDrp.RunAsync(Args(reference, dir.File("reference")), killWhen: null);
        Assert.Equal(0, uninterrupted);

        // Killed while polling the first round's batch, then while polling the second round's, then left to finish.
        var kills = 0;
        foreach (var batches in new[] { 1, 2 })
        {
            var polls = server.PollCount;
            var exit = await KilledDrp.RunAsync(
                kills == 0 ? Args(server, dir.File("killed")) : [Drp, "run", "--resume", dir.File("killed"), "--base-url", server.BaseUrl.ToString()],
                killWhen: () => server.Batches.Count >= batches && server.PollCount >= polls + 2);
            Assert.Equal(-9, exit);
            kills++;
        }

        var last = await KilledDrp.RunAsync([Drp, "run", "--resume", dir.File("killed")], killWhen: null);

        Assert.Equal(0, last);
        Assert.All(server.Batches.GroupBy(b => b.InputFileId), g => Assert.Single(g));
        Assert.Equal(reference.Batches.Count, server.Batches.Count);
        Assert.Equal(reference.Batches.Select(b => b.Total), server.Batches.Select(b => b.Total));
        var summary = JsonDocument.Parse(File.ReadAllText(dir.File("killed/summary.json"))).RootElement;
        Assert.Equal(243, summary.GetProperty("records_in").GetInt32());
        Assert.Equal(243, summary.GetProperty("exported").GetInt32() + summary.GetProperty("rejected").GetInt32());
        Assert.All(File.ReadLines(dir.File("killed/rejects.jsonl")), line =>
            Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(line).RootElement.GetProperty("rejected").GetProperty("reason").GetString())));
        foreach (var file in new[] { "train.jsonl", "rejects.jsonl", "validated.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(dir.File($"reference/{file}")), File.ReadAllBytes(dir.File($"killed/{file}")));
        }
    }
}

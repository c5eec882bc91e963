namespace Drp.Cli.Tests;

/// <summary>The real drp process with the LLM teacher at 16 requests in flight, SIGKILLed three times and resumed.</summary>
public sealed class LlmKillTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Concurrency = 16;

    private static readonly string Drp = TestPaths.DrpExecutable;

    private static string[] Args(FakeOpenAiServer server, string dir) =>
    [
        Drp, "run", TestPaths.Shared("traces/qwq-32b.gsm8k.part1.json"), "--records", "tasks",
        "--map", "question=question,gold=correct_answer,trace=model_answers.thinking_model",
        "--out", dir, "--teacher", "openai", "--model", "gpt-4o-mini", "--base-url", server.BaseUrl.ToString(), "--concurrency", $"{Concurrency}", "-q",
    ];

    /// <summary>The loopback teacher, each answer after 30 ms (so that requests are in flight when the kill comes).</summary>
    private static FakeResponse Slow(FakeRequest request) => FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt)) with { DelayMs = 30 };

    [SharedDataFact]
    public async Task Three_kills_send_again_only_what_was_in_flight_and_the_outputs_are_those_of_a_run_never_killed()
    {
        await using var reference = await FakeOpenAiServer.StartAsync(Slow);
        await using var server = await FakeOpenAiServer.StartAsync(Slow);
        using var dir = new TempDir();
        Assert.Equal(0, await KilledDrp.RunAsync(Args(reference, dir.File("reference")), killWhen: null));

        foreach (var (kill, requests) in new[] { (0, 60), (1, 160), (2, 300) })
        {
            var exit = await KilledDrp.RunAsync(
                kill == 0 ? Args(server, dir.File("killed")) : [Drp, "run", "--resume", dir.File("killed")],
                killWhen: () => server.RequestCount >= requests);
            Assert.Equal(-9, exit);
        }

        Assert.Equal(0, await KilledDrp.RunAsync([Drp, "run", "--resume", dir.File("killed")], killWhen: null));

        var sentAgain = server.RequestCount - reference.RequestCount;
        output.WriteLine($"requests: {reference.RequestCount} in a run never killed, {server.RequestCount} with three kills: {sentAgain} sent again");
        Assert.InRange(sentAgain, 0, 3 * Concurrency);
        foreach (var file in new[] { "train.jsonl", "rejects.jsonl", "validated.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(dir.File($"reference/{file}")), File.ReadAllBytes(dir.File($"killed/{file}")));
        }
    }
}

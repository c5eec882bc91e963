using System.Collections.Concurrent;
using System.Globalization;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// <c>drp run --teacher openai</c> over the QwQ GSM8K records twice: against a local server whose teacher answers in
/// exactly the requested form, and against one that dresses the same answers in the habits of real chat models
/// (tests/Shared/ModelHabits.cs: preambles, sign-offs, fences, markdown, its own &lt;think&gt; block, curly quotes and
/// joined lines in copied steps). The exported records must be the same, with at most 2% more requests.
/// </summary>
public static class HabitsBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        var input = Path.Combine(data, "traces", "qwq-32b.gsm8k.part1.json");
        var work = Directory.CreateTempSubdirectory("drp-habits-bench-").FullName;
        try
        {
            var habits = new ConcurrentDictionary<Habit, int>();
            await using var clean = await FakeOpenAiServer.StartAsync(r => FakeResponse.Answer(FakeOpenAiServer.Teach(r.Prompt)));
            await using var dressed = await FakeOpenAiServer.StartAsync(r =>
            {
                var habit = ModelHabits.For(r.Prompt);
                foreach (var one in Enum.GetValues<Habit>().Where(h => h is not (Habit.None or Habit.All) && habit.HasFlag(h)))
                {
                    habits.AddOrUpdate(one, 1, (_, n) => n + 1);
                }

                return FakeResponse.Answer(ModelHabits.Dress(FakeOpenAiServer.Teach(r.Prompt), habit));
            });

            var cleanDir = Path.Combine(work, "clean");
            var dressedDir = Path.Combine(work, "dressed");
            await LlmBench.RunProcess(Args(input, cleanDir, clean), kill: null);
            await LlmBench.RunProcess(Args(input, dressedDir, dressed), kill: null);

            var cleanLines = File.ReadAllLines(Path.Combine(cleanDir, "train.jsonl"));
            var dressedLines = File.ReadAllLines(Path.Combine(dressedDir, "train.jsonl"));
            var c = CultureInfo.InvariantCulture;
            output.WriteLine("LLM teacher answers in the habits of real chat models (qwq-32b.gsm8k.part1, the same answers dressed; must export the same records with at most 2% more requests):");
            output.WriteLine(string.Create(c, $"  clean answers: {cleanLines.Length} exported, {clean.RequestCount} requests; rejected {Rejected(cleanDir)}"));
            output.WriteLine(string.Create(c, $"  dressed answers: {dressedLines.Length} exported, {dressed.RequestCount} requests ({(dressed.RequestCount - clean.RequestCount) / (double)clean.RequestCount:+0.0%;-0.0%;0.0%}); train.jsonl byte-equal: {cleanLines.SequenceEqual(dressedLines)}"));
            output.WriteLine($"  dressed answers rejected: {Rejected(dressedDir)}");
            output.WriteLine($"  habits in the dressed answers: {string.Join(", ", habits.OrderBy(h => h.Key).Select(h => $"{h.Key} {h.Value}"))}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Rejected(string run) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!["rejected_by_reason"]!.ToJsonString();

    private static string[] Args(string input, string dir, FakeOpenAiServer server) =>
    [
        PublishedDrp.Path, "run", input, "--records", "tasks", "--map", "question=question,gold=correct_answer,trace=model_answers.thinking_model",
        "--out", dir, "--teacher", "openai", "--base-url", server.BaseUrl.ToString(), "--concurrency", "16", "-q",
    ];
}

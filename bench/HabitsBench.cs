using System.Collections.Concurrent;
using System.Globalization;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// <c>drp run --teacher openai</c> over every real trace file twice: against a local server whose teacher answers in
/// exactly the requested form, and against one that dresses the same answers in the habits of real chat models
/// (tests/Shared/ModelHabits.cs: preambles, sign-offs, fences, markdown, its own &lt;think&gt; block, curly quotes and
/// joined lines in copied steps, its thinking after a preamble or inside the fence, a closing answer said twice). The
/// exported records must be the same, with at most 2% more requests, and no line may hold the teacher's thinking.
/// </summary>
public static class HabitsBench
{
    public static async Task RunAsync(string data, TextWriter output)
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

        output.WriteLine("LLM teacher answers in the habits of real chat models (the same answers as a clean teacher's, dressed): the exported records must be the same, with at most 2% more requests");
        output.WriteLine();
        output.WriteLine("| file | exported (clean) | exported (dressed) | train.jsonl byte-equal | lines with the teacher's thinking | requests (clean) | requests (dressed) | more requests | rejected (dressed) |");
        output.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---|");
        foreach (var file in TraceFile.In(data))
        {
            var work = Directory.CreateTempSubdirectory("drp-habits-bench-").FullName;
            try
            {
                var input = Path.Combine(data, "traces", file.Name);
                var (cleanDir, dressedDir) = (Path.Combine(work, "clean"), Path.Combine(work, "dressed"));
                var (cleanBefore, dressedBefore) = (clean.RequestCount, dressed.RequestCount);
                await LlmBench.RunProcess(Args(input, file, cleanDir, clean), kill: null);
                await LlmBench.RunProcess(Args(input, file, dressedDir, dressed), kill: null);
                var cleanLines = File.ReadAllLines(Path.Combine(cleanDir, "train.jsonl"));
                var dressedLines = File.ReadAllLines(Path.Combine(dressedDir, "train.jsonl"));
                var (cleanRequests, dressedRequests) = (clean.RequestCount - cleanBefore, dressed.RequestCount - dressedBefore);
                var thinking = new[] { "train.jsonl", "decomposed.jsonl", "pruned.jsonl" }
                    .Sum(f => File.ReadLines(Path.Combine(dressedDir, f)).Count(l => l.Contains("The user wants me", StringComparison.Ordinal) || l.Contains("A draft of the teacher", StringComparison.Ordinal)));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {file.Name} | {cleanLines.Length} | {dressedLines.Length} | {cleanLines.SequenceEqual(dressedLines)} | {thinking} | {cleanRequests} | {dressedRequests} | {(dressedRequests - cleanRequests) / (double)Math.Max(1, cleanRequests):P1} | {Rejected(dressedDir)} |"));
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }
        }

        output.WriteLine();
        output.WriteLine($"habits in the dressed answers: {string.Join(", ", habits.OrderBy(h => h.Key).Select(h => $"{h.Key} {h.Value}"))}");
    }

    private static string Rejected(string run) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!["rejected_by_reason"]!.ToJsonString();

    private static string[] Args(string input, TraceFile file, string dir, FakeOpenAiServer server) =>
    [
        PublishedDrp.Path, "run", input, .. file.Arguments,
        "--out", dir, "--teacher", "openai", "--base-url", server.BaseUrl.ToString(), "--concurrency", "16", "-q",
    ];
}

using Drp.Core.Hygiene;
using Drp.Core.Io;
using Drp.Tests;
using Xunit;

namespace Drp.Core.Tests.RealData;

/// <summary>
/// The real trace files against the real benchmark files: each is flagged against the benchmark its questions come
/// from, every record of it, and against no other (GSM8K test against train, AIME 2024 against AIME 2025, GSM8K
/// against MATH-500…).
/// </summary>
public sealed class DecontaminationTests
{
    private const string ThinkingLlmsInterp = "question=question,gold=correct_answer,trace=model_answers.thinking_model";

    public static TheoryData<string, string, string, int> Pairs => new()
    {
        { "qwq-32b.gsm8k.part1.json", ThinkingLlmsInterp, "gsm8k-test.jsonl", 243 },
        { "qwq-32b.gsm8k.part1.json", ThinkingLlmsInterp, "gsm8k-train.jsonl", 0 },
        { "r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlmsInterp, "gsm8k-test.jsonl", 500 },
        { "r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlmsInterp, "gsm8k-train.jsonl", 0 },
        { "r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp, "gsm8k-test.jsonl", 302 },
        { "r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp, "gsm8k-train.jsonl", 0 },
        { "r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp, "math500.jsonl", 0 },
        { "r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, "math500.jsonl", 332 },
        { "r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, "gsm8k-test.jsonl", 0 },
        { "r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, "aime24.jsonl", 0 },
        { "r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, "aime25.jsonl", 0 },
        { "r1-distill-qwen-7b.aime24.jsonl", "question=question,gold=gt,trace=code[0]", "aime24.jsonl", 30 },
        { "r1-distill-qwen-7b.aime24.jsonl", "question=question,gold=gt,trace=code[0]", "aime25.jsonl", 0 },
        { "r1-distill-qwen-7b.aime24.jsonl", "question=question,gold=gt,trace=code[0]", "math500.jsonl", 0 },
        { "r1-distill-qwen-7b.aime24.jsonl", "question=question,gold=gt,trace=code[0]", "aime-1983-2023.json", 0 },
    };

    [SharedDataTheory]
    [MemberData(nameof(Pairs))]
    public async Task A_trace_file_is_flagged_against_the_benchmark_its_questions_come_from_and_no_other(string traces, string map, string benchmark, int expected)
    {
        var index = await BenchmarkIndex.LoadAsync([TestPaths.Shared($"benchmarks/{benchmark}")], FieldMap.Auto);
        var load = new LoadOptions { Map = FieldMap.Parse(map), RecordsKey = traces.EndsWith(".json", StringComparison.Ordinal) ? "tasks" : null };

        var (records, contaminated) = (0, new List<string>());
        await foreach (var record in RecordLoader.LoadAsync(TestPaths.Shared($"traces/{traces}"), load))
        {
            records++;
            if (index.Find(record.Question!) is { } found)
            {
                contaminated.Add($"{record.Id}: {found.Shared}");
            }
        }

        Assert.True(expected == contaminated.Count, $"{contaminated.Count} of {records} flagged against {benchmark}, not {expected}:\n{string.Join("\n", contaminated.Take(5))}");
    }

    [SharedDataFact]
    public async Task The_math500_problems_that_are_aime_problems_are_the_ones_flagged_against_aime_1983_2023()
    {
        var index = await BenchmarkIndex.LoadAsync([TestPaths.Shared("benchmarks/aime-1983-2023.json")], FieldMap.Auto);
        var load = new LoadOptions { Map = FieldMap.Parse(ThinkingLlmsInterp), RecordsKey = "tasks" };

        var flagged = new List<string>();
        await foreach (var record in RecordLoader.LoadAsync(TestPaths.Shared("traces/r1-distill-qwen-14b.math500.json"), load))
        {
            if (index.Find(record.Question!) is { } found)
            {
                flagged.Add(found.Question[..30]);
            }
        }

        // Five MATH problems are AIME problems, word for word (one reworded in part: three quarters of it shared).
        Assert.Equal(5, flagged.Count);
        Assert.Contains(flagged, q => q.StartsWith("Steve says to Jon", StringComparison.Ordinal));
        Assert.Contains(flagged, q => q.StartsWith("When rolling a certain unfair", StringComparison.Ordinal));
    }
}

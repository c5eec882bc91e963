using Drp.Core.Io;

namespace Drp.Bench;

/// <summary>The real trace files of ../shared/data/traces and how each is read.</summary>
public sealed record TraceFile(string Name, LoadOptions Load)
{
    private static readonly LoadOptions ThinkingLlmsInterp = new()
    {
        RecordsKey = "tasks",
        Map = FieldMap.Parse("question=question,gold=correct_answer,trace=model_answers.thinking_model"),
    };

    public static IReadOnlyList<TraceFile> All { get; } =
    [
        new("qwq-32b.gsm8k.part1.json", ThinkingLlmsInterp),
        new("r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlmsInterp),
        new("r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp),
        new("r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp),
        new("r1-distill-qwen-7b.aime24.jsonl", new LoadOptions { Map = FieldMap.Parse("question=question,gold=gt,trace=code[0]") }),
    ];
}

using Drp.Core.Io;

namespace Drp.Bench;

/// <summary>The real trace files of ../shared/data/traces and how each is read (in drp's API, and as drp's options).</summary>
public sealed record TraceFile(string Name, LoadOptions Load, string[] Arguments)
{
    private const string ThinkingLlmsMap = "question=question,gold=correct_answer,trace=model_answers.thinking_model";
    private const string AimeMap = "question=question,gold=gt,trace=code[0]";

    private static readonly LoadOptions ThinkingLlmsInterp = new() { RecordsKey = "tasks", Map = FieldMap.Parse(ThinkingLlmsMap) };

    private static readonly string[] ThinkingLlmsArguments = ["--records", "tasks", "--map", ThinkingLlmsMap];

    public static IReadOnlyList<TraceFile> All { get; } =
    [
        new("qwq-32b.gsm8k.part1.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, ThinkingLlmsArguments),
        new("r1-distill-qwen-7b.aime24.jsonl", new LoadOptions { Map = FieldMap.Parse(AimeMap) }, ["--map", AimeMap]),
    ];
}

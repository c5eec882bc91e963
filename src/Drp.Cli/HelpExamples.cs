using System.CommandLine;

namespace Drp.Cli;

/// <summary>What every command's help ends with: one or two examples, and the exit codes.</summary>
public static class HelpExamples
{
    private static readonly Dictionary<string, string[]> Examples = new(StringComparer.Ordinal)
    {
        ["drp"] = ["drp run traces.jsonl --out runs/x", "drp run traces.jsonl --out runs/x --teacher openai --model gpt-4o-mini"],
        ["run"] = ["drp run traces.jsonl --out runs/x", "drp run aime.jsonl --out runs/aime --map question=question,gold=gt,trace=code[0] --teacher openai --dry-run"],
        ["decompose"] = ["drp decompose traces.jsonl -o decomposed.jsonl", "drp decompose traces.jsonl | drp prune - | drp validate - | drp export - > train.jsonl"],
        ["prune"] = ["drp prune decomposed.jsonl -o pruned.jsonl --tokenizer path/to/student-tokenizer", "drp prune decomposed.jsonl -o pruned.jsonl --explain"],
        ["validate"] = ["drp validate pruned.jsonl -o validated.jsonl --rejects rejects.jsonl"],
        ["export"] = ["drp export validated.jsonl --format messages -o train.jsonl", "drp export runs/x/validated.jsonl --decontaminate gsm8k-test.jsonl,math500.jsonl --val-ratio 0.05 -o train.jsonl"],
        ["decontaminate"] = ["drp decontaminate traces.jsonl --against gsm8k-test.jsonl,math500.jsonl -o contaminated.jsonl"],
        ["grade"] = ["drp grade traces.jsonl --gold gsm8k-test.jsonl -o graded.jsonl"],
        ["stats"] = ["drp stats runs/x", "drp stats runs/a/validated.jsonl runs/b/validated.jsonl --format md"],
        ["status"] = ["drp status runs/x"],
        ["explain"] = ["drp run traces.jsonl --out runs/x --explain && drp explain runs/x 5dbf32a9330787c0"],
        ["report"] = ["drp report runs/x"],
        ["merge"] = ["drp merge --out runs/all runs/shard-0 runs/shard-1 runs/shard-2"],
    };

    public const string ExitCodes =
        "Exit codes: 0 done, 2 bad option or unreadable input, 3 teacher failure (refused key or model, endpoint unreachable), "
        + "4 nothing exported or more rejects than --fail-on-reject-rate, 130 cancelled, 1 a failure inside drp (please report it)";

    /// <summary>The text after the help of a command.</summary>
    public static string For(Command command) =>
        (Examples.TryGetValue(command is RootCommand ? "drp" : command.Name, out var examples) ? "Examples:\n" + string.Concat(examples.Select(e => $"  {e}\n")) + "\n" : "") + ExitCodes + "\n";
}

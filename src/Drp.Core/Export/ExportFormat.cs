namespace Drp.Core.Export;

/// <summary>The training-file formats drp writes, one per trainer family.</summary>
public static class ExportFormat
{
    /// <summary>LLaMA-Factory alpaca: <c>{"instruction", "input", "output"[, "system"]}</c>. What DRP trained with.</summary>
    public const string SftJsonl = "sft-jsonl";

    /// <summary>LLaMA-Factory sharegpt: <c>{"conversations": [{"from", "value"}…][, "system"]}</c>.</summary>
    public const string ShareGpt = "sharegpt";

    /// <summary>TRL, Together, OpenAI-style chat: <c>{"messages": [{"role", "content"}…]}</c>.</summary>
    public const string Messages = "messages";

    /// <summary>TRL prompt-completion (loss on the completion only): <c>{"prompt", "completion"}</c>.</summary>
    public const string PromptCompletion = "prompt-completion";

    public static readonly IReadOnlyList<string> All = [SftJsonl, ShareGpt, Messages, PromptCompletion];
}

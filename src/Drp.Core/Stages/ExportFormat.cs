namespace Drp.Core.Stages;

/// <summary>The training-file formats drp writes.</summary>
public static class ExportFormat
{
    /// <summary>LLaMA-Factory alpaca: <c>{"instruction", "input", "output"}</c>.</summary>
    public const string SftJsonl = "sft-jsonl";

    public static readonly IReadOnlyList<string> All = [SftJsonl];
}

namespace Drp.Core.Model;

/// <summary>
/// What <c>summary.json</c> holds at the end of a run. <see cref="AnswersReplaced"/>: exported records whose text after
/// <c>&lt;/think&gt;</c> was replaced by "The answer is …", by reason.
/// </summary>
public sealed record RunSummary(
    int RecordsIn,
    int Exported,
    int Rejected,
    IReadOnlyDictionary<string, int> RejectedByReason,
    double TokensOriginalMean,
    double TokensPrunedMean,
    double KeepRatio,
    double StepsPerTrace,
    IReadOnlyDictionary<string, int> Actions,
    IReadOnlyDictionary<string, int> AnswersReplaced,
    string Teacher,
    string Tokenizer)
{
    /// <summary>What <see cref="KeepRatio"/> is, written beside it so that a figure quoted from summary.json carries its definition.</summary>
    public string KeepRatioDefinition => "pruned / original reasoning tokens, each summed over the exported records, in the tokenizer named by tokenizer";

    /// <summary>For an LLM teacher: requests, cache hits and tokens per stage.</summary>
    public IReadOnlyDictionary<string, StageUsage>? TeacherUsage { get; init; }

    /// <summary>
    /// The faithfulness check's findings by kind (<see cref="FindingKinds"/>), over every validated record: those rejected as
    /// <c>unfaithful</c> and, with <c>--faithfulness warn</c>, those exported with findings.
    /// </summary>
    public IReadOnlyDictionary<string, int>? Faithfulness { get; init; }

    /// <summary>Records rejected as <c>contaminated</c> by benchmark file (<c>--decontaminate</c>); absent when none was given or none matched.</summary>
    public IReadOnlyDictionary<string, int>? Contaminated { get; init; }

    /// <summary>The run's <c>--max-tokens</c>: training lines longer than this were rejected as too_long.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>With <c>--max-tokens</c>: the longest training line measured, as the trainer sees it, too long ones included.</summary>
    public int? LongestLine { get; init; }

    /// <summary>For an LLM teacher with a known or given price: what the requests sent cost, in US dollars.</summary>
    public double? CostUsd { get; init; }
}

namespace Drp.Core.Faithfulness;

/// <summary>What validation does with a pruned trace the faithfulness check has findings on (<c>--faithfulness</c>).</summary>
public static class FaithfulnessMode
{
    /// <summary>Reject the record as <c>unfaithful</c>; an LLM teacher first gets one corrective retry naming the finding.</summary>
    public const string Reject = "reject";

    /// <summary>Export the record and keep its findings in its validation, counted in summary.json.</summary>
    public const string Warn = "warn";

    /// <summary>Do not check.</summary>
    public const string Off = "off";

    public static readonly IReadOnlyList<string> All = [Reject, Warn, Off];
}

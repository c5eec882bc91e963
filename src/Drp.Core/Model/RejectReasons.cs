namespace Drp.Core.Model;

/// <summary>The reason codes of rejected records: the keys of <c>rejected_by_reason</c> in summary.json.</summary>
public static class RejectReasons
{
    public const string MalformedRecord = "malformed_record";
    public const string MissingQuestion = "missing_question";
    public const string MissingTrace = "missing_trace";
    public const string MissingGold = "missing_gold";
    public const string IncompleteTrace = "incomplete_trace";
    public const string EmptyReasoning = "empty_reasoning";
    public const string NoSteps = "no_steps";
    public const string NotPruned = "not_pruned";
    public const string NoAnswer = "no_answer";
    public const string WrongAnswer = "wrong_answer";
    public const string DuplicateId = "duplicate_id";
}

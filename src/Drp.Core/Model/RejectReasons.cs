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

    /// <summary>The pruned reasoning states an answer it never reached (a plan whose work is after &lt;/think&gt;).</summary>
    public const string AnswerNotReached = "answer_not_reached";

    /// <summary>The pruned trace is no shorter than the original: there was nothing to prune.</summary>
    public const string NotShorter = "not_shorter";

    /// <summary>The pruned trace states its answer twice in a row.</summary>
    public const string DoubledAnswer = "doubled_answer";

    /// <summary>The student's text after &lt;/think&gt; was cut off at its length limit.</summary>
    public const string FinalAnswerCut = "final_answer_cut";

    /// <summary>The pruned reasoning says what the student's reasoning never said: a false computation, a number from nowhere, a missing step.</summary>
    public const string Unfaithful = "unfaithful";

    /// <summary>The question is a benchmark's question (<c>--decontaminate</c>): training on it makes that benchmark's figures meaningless.</summary>
    public const string Contaminated = "contaminated";

    /// <summary>The training line is longer than <c>--max-tokens</c>: a trainer would cut it, answer and all.</summary>
    public const string TooLong = "too_long";

    /// <summary>The student's text after &lt;/think&gt; states no answer that agrees with the gold one.</summary>
    public const string FinalAnswerUnclear = "final_answer_unclear";
}

namespace Drp.Core.Teachers.Llm;

/// <summary>Why an LLM teacher could not handle a record (keys of <c>rejected_by_reason</c>).</summary>
public static class RejectReasonsLlm
{
    /// <summary>The endpoint failed for this record after every retry.</summary>
    public const string TeacherError = "teacher_error";

    /// <summary>The answer was cut at the output budget, also after retrying with a larger one.</summary>
    public const string TeacherOutputCut = "teacher_output_cut";

    /// <summary>The teacher gave no answer to use, and asking again would not help: a refusal, an empty answer (or only its own thinking), or the endpoint's content filter.</summary>
    public const string TeacherDeclined = "teacher_declined";

    /// <summary>The steps did not cover the reasoning, also after a corrective retry.</summary>
    public const string BadDecomposition = "bad_decomposition";

    /// <summary>The pruned trace was empty, not shorter, or did not end "The answer is …", also after a corrective retry.</summary>
    public const string BadPruning = "bad_pruning";
}

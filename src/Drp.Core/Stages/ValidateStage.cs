using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>
/// Extracts the final answer of each pruned trace and compares it with the gold answer; a record whose answer
/// differs, or that cannot be checked, is rejected with the reason.
/// </summary>
public static class ValidateStage
{
    public const string Name = "validate";

    /// <summary>The record with its validation; a record rejected earlier comes back untouched.</summary>
    public static DrpRecord Validate(DrpRecord record)
    {
        if (record.Rejected is not null)
        {
            return record;
        }

        if (record.Pruned is not { } pruned)
        {
            return Reject(record, null, RejectReasons.NotPruned, "no pruned trace: run drp prune first");
        }

        if (record.Gold is not { } gold)
        {
            return Reject(record, null, RejectReasons.MissingGold, "no gold answer to check against (map one with --map gold=PATH or join one with --gold FILE)");
        }

        var verdict = Grader.GradeText(pruned.Reasoning, gold);
        if (verdict.Extracted is null)
        {
            return Reject(record, null, RejectReasons.NoAnswer, "the pruned trace states no final answer");
        }

        if (!verdict.Ok)
        {
            return Reject(record, verdict.Extracted, RejectReasons.WrongAnswer, $"the pruned trace {verdict.Reason}");
        }

        if (record.Trace is { Answer.Length: > 0 } trace && AnswerExtractor.Extract(trace.Answer) is { Method: not ExtractedAnswer.LastNumber } final
            && !AnswerEquivalence.AreEqual(final.Value, gold))
        {
            return Reject(record, final.Value, RejectReasons.WrongAnswer, $"the final answer after </think> is {final.Value}, the gold answer is {gold}");
        }

        return record with { Validation = verdict };
    }

    private static DrpRecord Reject(DrpRecord record, string? extracted, string reason, string detail) => record with
    {
        Validation = new Validation(false, extracted, detail),
        Rejected = new Rejection(Name, reason, detail),
    };
}

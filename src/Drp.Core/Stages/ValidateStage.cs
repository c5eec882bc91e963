using Drp.Core.Answers;
using Drp.Core.Faithfulness;
using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>What to do with a record whose text after <c>&lt;/think&gt;</c> is cut off or states no agreeing answer.</summary>
public static class BadFinalAnswer
{
    /// <summary>Export it with "The answer is …" (the validated answer) after <c>&lt;/think&gt;</c>, counted.</summary>
    public const string Replace = "replace";

    /// <summary>Reject it, with the reason <c>final_answer_cut</c> or <c>final_answer_unclear</c>.</summary>
    public const string Reject = "reject";

    public static readonly IReadOnlyList<string> All = [Replace, Reject];
}

/// <summary>
/// Checks what a training line will carry: the pruned trace (shorter than the original, one closing "The answer is X"
/// that its reasoning reached, X equal to the gold answer) and the student's text after <c>&lt;/think&gt;</c>
/// (complete, its answer equal to the gold). A record that fails is rejected with the reason; a cut or unclear final
/// answer is replaced or rejected as <see cref="BadFinalAnswer"/> says. The pruned reasoning is read against the question
/// and the student's reasoning (<see cref="FaithfulnessCheck"/>); its findings reject the record as <c>unfaithful</c> or
/// are kept beside an exported one, as <see cref="FaithfulnessMode"/> says.
/// </summary>
public static class ValidateStage
{

    /// <summary>The record with its validation; a record rejected earlier comes back untouched.</summary>
    public static DrpRecord Validate(DrpRecord record, string badFinalAnswer = BadFinalAnswer.Replace, string faithfulness = FaithfulnessMode.Reject)
    {
        if (record.Rejected is not null)
        {
            return record;
        }

        if (record.Pruned is not { } pruned || record.Trace is not { } trace)
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

        if (Conclusion.Check(trace.Reasoning, pruned.Reasoning) is { } problem)
        {
            return Reject(record, verdict.Extracted, problem.Reason, problem.Detail);
        }

        if (record.Tokens is { } tokens && tokens.Pruned >= tokens.Original)
        {
            return Reject(record, verdict.Extracted, RejectReasons.NotShorter,
                $"the pruned trace ({tokens.Pruned} tokens) is not shorter than the original ({tokens.Original})");
        }

        var findings = faithfulness == FaithfulnessMode.Off ? [] : FaithfulnessCheck.Check(record.Question, trace.Reasoning, pruned.Reasoning);
        if (findings.Count > 0)
        {
            verdict = verdict with { Findings = findings };
            if (faithfulness == FaithfulnessMode.Reject)
            {
                var rejected = Reject(record, verdict.Extracted, RejectReasons.Unfaithful, Describe(findings));
                return rejected with { Validation = rejected.Validation! with { Findings = findings } };
            }
        }

        return FinalAnswerIssue(trace.Answer, gold) switch
        {
            (null, _) => record with { Validation = verdict },
            (RejectReasons.WrongAnswer, var detail) => Reject(record, verdict.Extracted, RejectReasons.WrongAnswer, detail),
            (var issue, var detail) when badFinalAnswer == BadFinalAnswer.Reject => Reject(record, verdict.Extracted, issue, detail),
            (var issue, _) => record with { Validation = verdict with { AnswerReplaced = issue } },
        };
    }

    /// <summary>
    /// What is wrong with the student's text after <c>&lt;/think&gt;</c>, if anything: cut off; a clear answer that is
    /// not the gold one (the student was wrong); no clear answer, and its last number is not the gold one.
    /// </summary>
    private static (string? Issue, string Detail) FinalAnswerIssue(string section, string gold)
    {
        if (FinalAnswerSection.IsCut(section))
        {
            return (RejectReasons.FinalAnswerCut, section.Trim().Length == 0
                ? "the student wrote nothing after </think>"
                : "the student's text after </think> is cut off: " + Ending(section));
        }

        var found = AnswerExtractor.Extract(section);
        if (found is not null && AnswerEquivalence.AreEqual(found.Value, gold))
        {
            return (null, "");
        }

        return found is { IsGuess: false }
            ? (RejectReasons.WrongAnswer, $"the final answer after </think> is {found.Value}, the gold answer is {gold}")
            : (RejectReasons.FinalAnswerUnclear, $"the student's text after </think> states no answer equal to the gold answer {gold}: " + Ending(section));
    }

    /// <summary>"missing_step: 240 is used before … (in "…"); and 2 more findings".</summary>
    public static string Describe(IReadOnlyList<Finding> findings)
    {
        var first = findings[0];
        var more = findings.Count > 1 ? $"; and {findings.Count - 1} more finding{(findings.Count > 2 ? "s" : "")}" : "";
        return $"{first.Kind}: {first.Detail} (in \"{first.Sentence}\"){more}";
    }

    private static string Ending(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length <= 60 ? $"\"{trimmed}\"" : $"\"…{trimmed[^60..]}\"";
    }

    private static DrpRecord Reject(DrpRecord record, string? extracted, string reason, string detail) => record with
    {
        Validation = new Validation(false, extracted, detail),
        Rejected = new Rejection(StageNames.Validate, reason, detail),
    };
}

using Drp.Core.Model;

namespace Drp.Core.Answers;

/// <summary>Grades a text or a trace against a gold answer: the verdict, the answer found and, when wrong, why.</summary>
public static class Grader
{
    public static Validation GradeText(string text, string gold)
    {
        var extracted = AnswerExtractor.Extract(text);
        if (extracted is null)
        {
            return new Validation(false, null, "no final answer found");
        }

        return AnswerEquivalence.AreEqual(extracted.Value, gold)
            ? new Validation(true, extracted.Value, null, extracted.Method)
            : new Validation(false, extracted.Value, $"answers {extracted.Value}, the gold answer is {gold}", extracted.Method);
    }

    /// <summary>
    /// A student's trace: its final answer after <c>&lt;/think&gt;</c>, or, when that states none clearly, the end of
    /// its reasoning. A trace cut off before <c>&lt;/think&gt;</c> is wrong: it never answered.
    /// </summary>
    public static Validation GradeTrace(Trace trace, string gold)
    {
        if (!trace.Complete)
        {
            return new Validation(false, null, "the trace was cut off before </think>");
        }

        var answerPart = AnswerExtractor.Extract(trace.Answer);
        var text = answerPart is null || answerPart.Method == ExtractedAnswer.LastNumber
            && AnswerExtractor.Extract(trace.Reasoning) is { Method: not ExtractedAnswer.LastNumber }
                ? trace.Reasoning
                : trace.Answer;
        return GradeText(text, gold);
    }
}

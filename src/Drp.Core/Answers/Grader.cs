using Drp.Core.Model;

namespace Drp.Core.Answers;

/// <summary>Grades a text or a trace against a gold answer: the verdict, the answer found and, when wrong, why.</summary>
public static class Grader
{
    public static Validation GradeText(string text, string gold) => Judge(AnswerExtractor.Extract(text), gold);

    private static Validation Judge(ExtractedAnswer? extracted, string gold)
    {
        if (extracted is null)
        {
            return new Validation(false, null, "no final answer found");
        }

        return AnswerEquivalence.AreEqual(extracted.Value, gold)
            ? new Validation(true, extracted.Value, null, extracted.Method)
            : new Validation(false, extracted.Value, $"answers {extracted.Value}, the gold answer is {gold}", extracted.Method);
    }

    /// <summary>
    /// A student's trace: the answer it reached (<see cref="TraceAnswer"/>) against the gold. A trace cut off before
    /// <c>&lt;/think&gt;</c> is wrong: it never answered.
    /// </summary>
    public static Validation GradeTrace(Trace trace, string gold)
    {
        if (!trace.Complete)
        {
            return new Validation(false, null, "the trace was cut off before </think>");
        }

        return Judge(TraceAnswer(trace), gold);
    }

    /// <summary>
    /// The answer a trace reached: one its final answer part states clearly, else one its reasoning states clearly,
    /// else the last number of the final answer part or, when that part was cut off, of the reasoning.
    /// </summary>
    public static ExtractedAnswer? TraceAnswer(Trace trace)
    {
        static bool Clear(ExtractedAnswer? found) => found is { IsGuess: false };
        var inAnswer = AnswerExtractor.Extract(trace.Answer);
        if (Clear(inAnswer))
        {
            return inAnswer;
        }

        // Read only when the answer part says nothing clear: the reasoning is the long text.
        var inReasoning = AnswerExtractor.Extract(trace.Reasoning);
        return Clear(inReasoning) ? inReasoning
            : inAnswer is not null && !FinalAnswerSection.IsCut(trace.Answer) ? inAnswer
            : inReasoning ?? inAnswer;
    }
}

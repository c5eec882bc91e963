using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Tests.Answers;

/// <summary>What the grader says of a text and of a trace, and which of a trace's answers it takes.</summary>
public sealed class GraderTests
{
    [Fact]
    public void A_wrong_or_missing_answer_says_what_was_found()
    {
        Assert.Equal(new Validation(false, null, "no final answer found"), Grader.GradeText("Let us think about it.", "5"));
        Assert.Equal(new Validation(false, "7", "answers 7, the gold answer is 8", ExtractedAnswer.AnswerIs), Grader.GradeText("The answer is 7.", "8"));
        Assert.Equal(new Validation(true, "8", null, ExtractedAnswer.AnswerIs), Grader.GradeText("The answer is 8.", "8"));
    }

    [Fact]
    public void A_trace_cut_off_before_its_end_of_thinking_never_answered()
    {
        Assert.Equal(new Validation(false, null, "the trace was cut off before </think>"), Grader.GradeTrace(new Trace("The answer is 8.", "", false), "8"));
    }

    [Theory]
    [InlineData("So it is 5. The answer is 5.", @"The answer is \boxed{6}.", "6")] // the final part says it clearly
    [InlineData("The answer is 5.", "I computed 5 and 6.", "5")] // the final part only guesses; the reasoning says it
    [InlineData("We get 3 then 4.", "Total: 9 apples.", "9")] // both guess: the final part, which is whole
    [InlineData("We get 3 then 4.", "So the total is 9 and", "4")] // both guess, the final part cut off: the reasoning
    public void A_trace_answers_with_its_clearest_statement(string reasoning, string answer, string expected)
    {
        Assert.Equal(expected, Grader.TraceAnswer(new Trace(reasoning, answer, true))?.Value);
    }
}

using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Tests.Answers;

public sealed class ConclusionTests
{
    private const string Original = "Okay, so 14 * 12 = 168 muffins. Hmm, let me check: 120 + 48 = 168. Then 168 - 150 = 18. Wait, is that right? Yes. So 18 muffins are left.";

    [Fact]
    public void A_short_trace_that_reaches_its_answer_and_states_it_once_passes()
    {
        Assert.Null(Conclusion.Check(Original, "14 * 12 = 168 muffins. Then 168 - 150 = 18.\n\nThe answer is 18."));
    }

    [Theory]
    [InlineData("", RejectReasons.NoAnswer)]
    [InlineData("14 * 12 = 168 muffins. Then 168 - 150 = 18.", RejectReasons.NoAnswer)]
    [InlineData("14 * 12 = 168 muffins.\n\nThe answer is 18.", RejectReasons.AnswerNotReached)]
    [InlineData("Then 168 - 150 = 18. So the answer is 18.\n\nThe answer is 18.", RejectReasons.DoubledAnswer)]
    [InlineData("Then 168 - 150 = 18.\n\n\\boxed{18}\n\nThe answer is 18.", RejectReasons.DoubledAnswer)]
    public void A_trace_that_breaks_a_rule_gets_that_rules_reason(string pruned, string reason)
    {
        Assert.Equal(reason, Conclusion.Check(Original, pruned)?.Reason);
    }

    [Fact]
    public void A_trace_no_shorter_than_the_original_is_not_pruned()
    {
        var problem = Conclusion.Check("Bailey started with $20.", "Bailey started with $20.\n\nThe answer is 20.");

        Assert.Equal(RejectReasons.NotShorter, problem?.Reason);
        Assert.Contains("not shorter", problem!.Detail);
    }

    [Fact]
    public void Trailing_answer_statements_are_removed_and_the_work_before_them_stays()
    {
        var text = "Then 168 - 150 = 18.\n\nSo the answer is 18.\n\n\\boxed{18}";

        Assert.Equal("Then 168 - 150 = 18.", Conclusion.WithoutTrailingAnswerStatements(text));
    }

    [Theory]
    [InlineData("The distance is \\boxed{2\\sqrt{5}}.", "The distance is $2\\sqrt{5}$.")]
    [InlineData("The distance is $\\boxed{2\\sqrt{5}}$.", "The distance is $2\\sqrt{5}$.")]
    [InlineData("So x = 3.\n\n\\boxed{3}", "So x = 3.")]
    public void The_last_paragraphs_box_is_opened_or_a_lone_box_dropped(string text, string expected)
    {
        Assert.Equal(expected, Conclusion.WithLastParagraphUnboxed(text));
    }

    [Fact]
    public void Each_broken_rule_says_what_it_saw()
    {
        Assert.Equal("the pruned trace is empty", Conclusion.Check(Original, " ")?.Detail);
        Assert.Equal(RejectReasons.NotShorter, Conclusion.Check(Original, Original)?.Reason);
        Assert.Equal("the pruned trace does not end with a sentence starting \"The answer is\"", Conclusion.Check(Original, "Then 168 - 150 = 18.")?.Detail);
        Assert.Equal("the pruned trace states its answer twice in a row", Conclusion.Check(Original, "Then 168 - 150 = 18. So the answer is 18.\n\nThe answer is 18.")?.Detail);
        Assert.Equal("the pruned reasoning never reaches the answer it states (18)", Conclusion.Check(Original, "14 * 12 = 168 muffins.\n\nThe answer is 18.")?.Detail);
    }
}

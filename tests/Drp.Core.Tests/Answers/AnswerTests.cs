using Drp.Core.Answers;

namespace Drp.Core.Tests.Answers;

public sealed class AnswerTests
{
    [Theory]
    [InlineData(@"So \boxed{42}.", "42", ExtractedAnswer.Boxed)]
    [InlineData(@"\boxed{\frac{3}{4}} and later \boxed{\dfrac{1}{2}}", @"\dfrac{1}{2}", ExtractedAnswer.Boxed)]
    [InlineData(@"\boxed{\{1, 2\}}", @"\{1, 2\}", ExtractedAnswer.Boxed)]
    [InlineData(@"It is \boxed 5", "5", ExtractedAnswer.Boxed)]
    [InlineData(@"\fbox{7}", "7", ExtractedAnswer.Boxed)]
    [InlineData("Thus, the answer is 1,050.", "1,050", ExtractedAnswer.AnswerIs)]
    [InlineData("The final answer is: -3.5\nDone.", "-3.5", ExtractedAnswer.AnswerIs)]
    [InlineData("Work.\n#### 72", "72", ExtractedAnswer.Hashes)]
    [InlineData("**Final Answer**\n18", "18", ExtractedAnswer.FinalAnswerHeading)]
    [InlineData("**Answer:** Travis now has 70 apps on his tablet.", "70", ExtractedAnswer.FinalAnswerHeading)]
    [InlineData("**Answer:** The zookeeper needs to order **1,400 bananas**.", "1,400 bananas", ExtractedAnswer.FinalAnswerHeading)]
    [InlineData("We get 12 and then 15 apples", "15", ExtractedAnswer.LastNumber)]
    public void Extract_finds_the_final_answer(string text, string value, string method)
    {
        var answer = AnswerExtractor.Extract(text);

        Assert.NotNull(answer);
        Assert.Equal(value, answer.Value);
        Assert.Equal(method, answer.Method);
    }

    [Fact]
    public void Extract_finds_nothing_in_text_without_numbers()
    {
        Assert.Null(AnswerExtractor.Extract("No idea at all."));
    }

    [Theory]
    [InlineData("1,050", "1050")]
    [InlineData("$18.00", "18")]
    [InlineData("180 meters", "180")]
    [InlineData("60%", "60")]
    [InlineData(@"60\%", "60")]
    [InlineData("27.0", "27")]
    [InlineData("0.75", @"\frac{3}{4}")]
    [InlineData(@"\dfrac{3}{4}", "3/4")]
    [InlineData(@"\frac 59", @"\dfrac{5}{9}")]
    [InlineData(@"\frac9{19}", @"\frac{9}{19}")]
    [InlineData(@"1\frac{1}{2}", "1.5")]
    [InlineData("1 1/2", "3/2")]
    [InlineData("-4", "-4.0")]
    [InlineData("x = 5", "5")]
    [InlineData(@"\text{(E)}", "E")]
    [InlineData(@"30^\circ", "30")]
    [InlineData(@"\left( 1, 2 \right)", "(1,2)")]
    [InlineData(@"x \in [-2,7]", "[-2, 7]")]
    [InlineData(@"\text{Ellipse}", "ellipse")]
    [InlineData(@"864 \mbox{ inches}^2", "864")]
    [InlineData(@"$\$2,\!925$", "2925")]
    public void Equal_answers_are_equal(string answer, string gold)
    {
        Assert.True(AnswerEquivalence.AreEqual(answer, gold), $"{answer} should equal {gold}");
    }

    [Theory]
    [InlineData("11/2", "1 1/2")]
    [InlineData("-4", "4")]
    [InlineData("0.33", "1/3")]
    [InlineData("1050", "105")]
    [InlineData(@"3 - 2\sqrt{2}", @"3 \pm 2 \sqrt{2}")]
    [InlineData("(1, 2)", "(1, 3)")]
    [InlineData("E", "C")]
    [InlineData("", "0")]
    public void Different_answers_are_not_equal(string answer, string gold)
    {
        Assert.False(AnswerEquivalence.AreEqual(answer, gold), $"{answer} should differ from {gold}");
    }

    [Theory]
    [InlineData("Janet sells 16 - 3 - 4 = <<16-3-4=9>>9 eggs.\n#### 18", "18")]
    [InlineData(@"Long worked solution with steps, and so the result is \boxed{\frac{1}{2}} here.", @"\frac{1}{2}")]
    [InlineData(" 204 ", "204")]
    public void Gold_answers_are_reduced_to_the_answer(string raw, string gold)
    {
        Assert.Equal(gold, GoldAnswer.Normalize(raw));
    }
}

using Drp.Core.Answers;

namespace Drp.Core.Tests.Answers;

public sealed class AnswerReachTests
{
    [Theory]
    [InlineData("So 3 multiplied by $68 equals $204.", "204")]
    [InlineData("The total is 1,400 bananas.", "1400")]
    [InlineData("The total is $1,\\!400.", "\\$1,400")]
    [InlineData("That is \\frac{3}{4} of the tank.", "0.75")]
    [InlineData("So the share is 3/4.", "\\dfrac{3}{4}")]
    [InlineData("x = -5 is the root", "-5")]
    [InlineData("The distance is $2\\sqrt{5}$ units.", "2\\sqrt{5}")]
    [InlineData("So the interval is (0, 9) \\cup (9, 36).", "(0,9) \\cup (9,36)")]
    [InlineData("The curve is an ellipse, so the choice is (E).", "E")]
    [InlineData("It took 12.0 hours.", "12.00")]
    [InlineData("E is the choice.", "E")]
    [InlineData("It is 18. Then we stop.", "18")]
    [InlineData("18 apples in all.", "18")]
    public void A_reasoning_that_writes_the_answer_reaches_it(string reasoning, string answer)
    {
        Assert.True(AnswerReach.Reaches(reasoning, answer));
    }

    [Theory]
    [InlineData("First, I'll multiply 3 by $68. Then I'll add up the costs of all the pastries.", "694")]
    [InlineData("60 miles minus 15 miles equals 45 miles.", "25")]
    [InlineData("The options are Line, Circle, Parabola, Ellipse, or Hyperbola.", "E")]
    [InlineData("The radius is 3.", "12\\pi")]
    [InlineData("", "18")]
    [InlineData("So 18 apples.", "")]
    [InlineData("We have 118 apples.", "18")] // digits inside another number are not the answer
    [InlineData("We have 181 apples.", "18")]
    [InlineData("It costs 1.18 dollars.", "18")]
    [InlineData("It is 18.5 meters.", "18")]
    [InlineData("We got 2,180 votes.", "180")]
    [InlineData("We got 2,180 votes.", "2")]
    public void A_reasoning_that_never_writes_the_answer_does_not_reach_it(string reasoning, string answer)
    {
        Assert.False(AnswerReach.Reaches(reasoning, answer));
    }
}

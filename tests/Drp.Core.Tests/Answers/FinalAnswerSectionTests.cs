using Drp.Core.Answers;

namespace Drp.Core.Tests.Answers;

public sealed class FinalAnswerSectionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("1000 minutes - 750 minutes = 250 minutes\n\nJason has \\boxed{25")]
    [InlineData("Calculating the distances:\n- Distance running: 12 miles\n- Distance walking")]
    [InlineData("Simplifying this equation:")]
    [InlineData("Subtract the original equation:\n\\[ 10000x - x = 1331.1")]
    [InlineData("the probability that both pick 2 is \\(\\left(\\frac{1}{6}\\right")]
    [InlineData("First, we calculate the amount of water in the")]
    [InlineData("Then \\[ x = 5.")] // a sentence's end inside an open formula or brace is no end
    [InlineData("Then \\( x = 5.")]
    [InlineData("Then { x = 5.")]
    [InlineData("The set is \\")]
    public void A_text_that_stops_mid_sentence_or_inside_a_formula_is_cut(string section)
    {
        Assert.True(FinalAnswerSection.IsCut(section));
    }

    [Theory]
    [InlineData("Thus, the answer is \\(\\boxed{60}\\).")]
    [InlineData("\\[\n\\boxed{12}\n\\]")]
    [InlineData("**Total Points:** 22 + 18 + 43 = 83 points\n\n\\boxed{83}")]
    [InlineData("Bill is now on the **18th floor**.\n\n**Answer:** 18")]
    [InlineData("**Answer:** John paid \\$360 in total")]
    [InlineData("The function is \\( f(n) = \\left\\{ n \\right. \\) so the total is 12.")]
    [InlineData("The total is $270.")]
    public void A_text_that_ends_a_sentence_formula_or_answer_line_is_complete(string section)
    {
        Assert.False(FinalAnswerSection.IsCut(section));
    }
}

using Drp.Core.Faithfulness;

namespace Drp.Core.Tests.Faithfulness;

public sealed class ComputationsTests
{
    private static List<Computation> Read(string sentence) => Computations.In(MathText.Of(sentence));

    [Theory]
    [InlineData("So he pays 8 * 30 = 240 dollars.", "8 * 30 = 240")]
    [InlineData("200 + 400 + 100 = 700 bees in all.", "200 + 400 + 100 = 700")]
    [InlineData("12 plus 10 is 22.", "12 + 10 = 22")]
    [InlineData("8 times 30, which is 240.", "8 * 30 = 240")]
    [InlineData("Half of 68 is 34.", "1/2 * 68 = 34")]
    [InlineData(@"\(\frac{3}{4} \times 20 = 15\)", "((3)/(4)) * 20 = 15")]
    [InlineData(@"\( 2^{10} = 1024 \)", "2^(10) = 1024")]
    [InlineData("20% of $50 is $10.", "(20/100) * 50 = 10")]
    [InlineData("$1,200 - $450 = $750 left.", "1200 - 450 = 750")]
    [InlineData("15 x 4 = 60 cookies.", "15 * 4 = 60")]
    [InlineData("30 squared is 900.", "30^2 = 900")]
    [InlineData("100/3 = 33.3 per person.", "100/3 = 33.3")]
    [InlineData("2/3 ≈ 0.67.", "2/3 ≈ 0.67")]
    [InlineData("7 / 2 = 3 full boxes.", "7 / 2 = 3")]
    [InlineData("Then 0.6 × 100 = 60%.", "0.6 * 100 = (60/100)")]
    [InlineData("50% + 20% = 70%.", "(50/100) + (20/100) = (70/100)")]
    public void A_computation_that_holds_to_the_digits_written_holds(string sentence, string written)
    {
        var computation = Assert.Single(Read(sentence));

        Assert.Equal(written, computation.ToString());
        Assert.True(computation.Holds, computation.ToString());
    }

    [Theory]
    [InlineData("8 times 30 is 241.", "240")]
    [InlineData("So 0.20 * 20 = 40 students.", "4")]
    [InlineData("That makes 200 + 400 + 100 = 800.", "700")]
    [InlineData(@"\(\frac{3}{4} \times 20 = 16\)", "15")]
    [InlineData("12 plus 10 is 23.", "22")]
    [InlineData("2/3 ≈ 0.76.", "0.666667")]
    public void A_computation_that_does_not_hold_is_found_with_its_value(string sentence, string value)
    {
        var computation = Assert.Single(Read(sentence));

        Assert.False(computation.Holds);
        Assert.Equal(value, computation.Value);
    }

    [Fact]
    public void A_running_chain_holds_step_by_step()
    {
        var chain = Read("2 * 3 = 6 + 1 = 7, write down 7.");

        Assert.Equal(["2 * 3 = 6 + 1", "6 + 1 = 7"], chain.Select(c => c.ToString()));
        Assert.All(chain, c => Assert.True(c.Holds));
    }

    [Theory]
    [InlineData("3x + 5 = 20, so x = 5.")]
    [InlineData("f(3) = 2*3 + 3 = 9.")]
    [InlineData("Day 1 = 5 apples.")]
    [InlineData("Each box of 12 is $5.")]
    [InlineData("He reads 3 times as many pages, which is 60.")]
    [InlineData("Step 2. 5 * 3 = 15.")]
    [InlineData("500 times 24 is 500*20 is 10,000 and 500*4 is 2,000.")]
    [InlineData("So 2 3 = 6.")]
    public void Algebra_labels_and_words_that_are_no_claim_are_not_read_as_false(string sentence)
    {
        Assert.All(Read(sentence), c => Assert.True(c.Holds, c.ToString()));
    }
}

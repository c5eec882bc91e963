using System.Numerics;
using Drp.Core.Answers;

namespace Drp.Core.Tests.Answers;

public sealed class RationalTests
{
    [Theory]
    [InlineData("-3/4", -3, 4)]
    [InlineData(@"-\frac{3}{4}", -3, 4)]
    [InlineData("1 1/2", 3, 2)]
    [InlineData(@"-1\frac{1}{2}", -3, 2)]
    [InlineData("1/0.5", 2, 1)]
    [InlineData("0.25", 1, 4)]
    [InlineData("5.", 5, 1)]
    public void Fractions_decimals_and_mixed_numbers_read_exactly(string text, int numerator, int denominator)
    {
        Assert.True(Rational.TryParse(text, out var value));
        Assert.Equal((new BigInteger(numerator), new BigInteger(denominator)), (value.Numerator, value.Denominator));
    }

    [Theory]
    [InlineData("1/0")]
    [InlineData(@"\frac{2}{0}")]
    [InlineData("x/2")]
    public void A_zero_denominator_or_no_number_is_not_read(string text)
    {
        Assert.False(Rational.TryParse(text, out _));
    }

    [Fact]
    public void The_sign_goes_to_the_numerator()
    {
        var half = Rational.Divide(Rational.One, Rational.FromInteger(-2));

        Assert.Equal((BigInteger.MinusOne, new BigInteger(2)), (half.Numerator, half.Denominator));
    }

    [Fact]
    public void A_quotient_of_numbers_beyond_double_is_still_its_value()
    {
        var tenths = BigInteger.Pow(10, 400) + 1;
        Assert.True(Rational.TryParse($"{tenths}/{BigInteger.Pow(10, 399)}", out var value));

        Assert.Equal(10.0, value.ToDouble(), 9);
        Assert.Equal(-10.0, Rational.Negate(value).ToDouble(), 9);
    }
}

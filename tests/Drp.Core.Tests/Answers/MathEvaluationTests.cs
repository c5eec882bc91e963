using Drp.Core.Answers;
using Drp.Core.Answers.Expressions;

namespace Drp.Core.Tests.Answers;

/// <summary>
/// The functions, exact arithmetic and tolerances behind the comparison of expressions: each row would pass for a
/// wrong answer if its rule were broken (rows found by mutation testing, see README's development section).
/// </summary>
public sealed class MathEvaluationTests
{
    [Theory]
    // every function the evaluator knows
    [InlineData(@"\left|-3\right|", @"3")]
    [InlineData(@"\csc(\pi/6)", @"2")]
    [InlineData(@"\cot(\pi/4)", @"1")]
    [InlineData(@"\arcsin(1/2)", @"\pi/6")]
    [InlineData(@"\arccos(0)", @"\pi/2")]
    [InlineData(@"\arctan(1)", @"\pi/4")]
    [InlineData(@"\sinh(1)", @"\frac{e-e^{-1}}{2}")]
    [InlineData(@"\cosh(1)", @"\frac{e+e^{-1}}{2}")]
    [InlineData(@"\tanh(1)", @"\frac{e^2-1}{e^2+1}")]
    [InlineData(@"\ln(e^2)", @"2")]
    [InlineData(@"\log(e^3)", @"3")]
    [InlineData(@"\exp(2)", @"e^2")]
    [InlineData(@"\lfloor 2.5 \rfloor", @"2")]
    [InlineData(@"\lceil 2.5 \rceil", @"3")]
    [InlineData(@"\lfloor x \rfloor", @"\lfloor x\rfloor")]
    // roots of negative numbers: an odd root stays real, an even one is the principal (positive) imaginary root
    [InlineData(@"\sqrt{-4}", @"2i")]
    [InlineData(@"(-4)^{1/2}", @"2i")]
    [InlineData(@"(-8)^{1/3}", @"-2")]
    // factorials from 0! up to the largest a double holds
    [InlineData(@"0!", @"1")]
    [InlineData(@"\frac{170!}{169!}", @"170")]
    // rounding noise of large values is within the relative tolerance
    [InlineData(@"\sqrt{2}\cdot 10^{12}", @"\sqrt{2\cdot 10^{24}}")]
    // a decimal of six significant digits stands for the value it rounds, negative ones too
    [InlineData(@"0.166667", @"\frac{1}{6}")]
    [InlineData(@"-0.0833333333333333", @"-\frac{1}{12}")]
    // vectors: a one-row matrix is the tuple of its entries
    [InlineData(@"\begin{pmatrix}1 & 2\end{pmatrix}", @"(1,2)")]
    // sets given by membership
    [InlineData(@"x \in \{1, 2\}", @"x \in \{2, 1\}")]
    [InlineData(@"x \in [1, 2]", @"1 \le x \le 2")]
    [InlineData(@"3 < x", @"(3, \infty)")]
    [InlineData(@"x = 2+3 = 5", @"5")]
    // conditions on an absolute value: its two mirrored halves
    [InlineData(@"|x| < 2", @"(-2, 2)")]
    [InlineData(@"2 \ge |x|", @"[-2, 2]")]
    [InlineData(@"|x| > 2", @"(-\infty, -2) \cup (2, \infty)")]
    [InlineData(@"|x| \ge 2", @"(-\infty, -2] \cup [2, \infty)")]
    [InlineData(@"0 \le |x| \le 2", @"[-2, 2]")]
    [InlineData(@"0 < |x| < 2", @"(-2, 0) \cup (0, 2)")]
    public void Equal_answers_are_equal(string answer, string gold)
    {
        Assert.True(AnswerEquivalence.AreEqual(answer, gold), $"{answer} should equal {gold}");
        Assert.True(AnswerEquivalence.AreEqual(gold, answer), $"{gold} should equal {answer}");
    }

    [Theory]
    // exact arithmetic where floating point would call them equal
    [InlineData(@"2^{60}+1", @"2^{60}")]
    [InlineData(@"2^{-60}", @"0")]
    [InlineData(@"\frac{1}{2^{60}}", @"0")]
    // no factorial of a fraction, no value of 0/0
    [InlineData(@"(2.5)!", @"2")]
    [InlineData(@"\frac{0}{0}", @"\frac{0}{0}+1")]
    // a decimal half a unit of its last place away does not round to the value, nor one that is further away
    [InlineData(@"0.250001", @"\frac{5000001}{20000000}")]
    [InlineData(@"4.123106", @"\sqrt{17}+0.001")]
    // the first column of a matrix is not the matrix
    [InlineData(@"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}", @"(1,3)")]
    [InlineData(@"x \in \{1, 2\}", @"x \in \{1, 3\}")]
    [InlineData(@"x < 1 \text{ or } x = 3", @"(-\infty, 1)")]
    [InlineData(@"2x = 6", @"6")]
    // an absolute value of anything but the variable is not mirrored around 0
    [InlineData(@"|x-1| < 2", @"(-2, 2)")]
    [InlineData(@"1 \le |x-1| \le 2", @"[-2, -1] \cup [1, 2]")]
    [InlineData(@"|x| < 2", @"[-2, 2]")]
    [InlineData(@"|x| < -1", @"(1, -1)")]
    // answers whose parts run together when written without their separators
    [InlineData(@"\text{odd}", @"\text{even}")]
    [InlineData(@"12+3", @"1+23")]
    [InlineData(@"\binom{1}{23}", @"\binom{12}{3}")]
    [InlineData(@"1\pm 2", @"3\pm 4")]
    [InlineData(@"1:23", @"12:3")]
    [InlineData(@"(1,23)", @"(12,3)")]
    public void Different_answers_are_not_equal(string answer, string gold)
    {
        Assert.False(AnswerEquivalence.AreEqual(answer, gold), $"{answer} should differ from {gold}");
        Assert.False(AnswerEquivalence.AreEqual(gold, answer), $"{gold} should differ from {answer}");
    }

    [Theory]
    [InlineData(@"b+a", "(a+b)")]
    [InlineData(@"\binom{5}{2}", "binom(5,2)")]
    [InlineData(@"1\pm 2", "(1±2)")]
    [InlineData(@"3:4", "3:4")]
    [InlineData(@"[1,2]\cup[3,4]", "[1,2]∪[3,4]")]
    [InlineData(@"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}", "[1,2;3,4]")]
    public void Parsed_answers_print_canonically(string answer, string printed)
    {
        Assert.Equal(printed, AnswerParser.Parse(answer)?.ToString());
    }

    [Fact]
    public void Samples_are_the_same_every_run_and_spread_over_a_range()
    {
        var samples = MathComparer.Samples(["y", "x"]).ToList();
        Assert.Equal(5, samples.Count);
        Assert.Equal(samples.Select(s => s["x"]), MathComparer.Samples(["x", "y"]).Select(s => s["x"]));
        Assert.All(samples.SelectMany(s => s.Values), v => Assert.InRange(v.Real, 0.5, 2.5));
        Assert.Equal(5, samples.Select(s => s["x"]).Distinct().Count());
        Assert.All(samples, s => Assert.NotEqual(s["x"], s["y"]));
        Assert.Single(MathComparer.Samples([]));
    }
}

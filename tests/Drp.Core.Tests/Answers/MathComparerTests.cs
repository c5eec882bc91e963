using Drp.Core.Answers;
using Drp.Core.Answers.Expressions;

namespace Drp.Core.Tests.Answers;

/// <summary>One theory row per rule of drp's answer policy (docs/answers.md), both ways round.</summary>
public sealed class MathComparerTests
{
    [Theory]
    // expressions: exact where both are numbers, else by value at random points
    [InlineData(@"x^2+2x+1", @"x^2 + 2*x + 1")]
    [InlineData(@"(r+5)(r+5)", @"(r+5)^2")]
    [InlineData(@"\frac{x+2}{7}", @"\frac{x}{7}+\frac{2}{7}")]
    [InlineData(@"\tan^2(y)+1", @"\sec^2(y)")]
    [InlineData(@"\sin^2 x + \cos^2 x", @"1")]
    [InlineData(@"\frac{1}{3\sqrt[3]{x}^2}", @"\frac{1}{3x^{2/3}}")]
    [InlineData(@"\frac{\sqrt{3}}{2}", @"\sqrt{3}/2")]
    [InlineData(@"sqrt(2)/2", @"\frac{1}{\sqrt{2}}")]
    [InlineData(@"\sqrt 2+\sqrt 5", @"\sqrt{2}+\sqrt{5}")]
    [InlineData(@"\frac{10\sqrt{10.5}}{27}", @"\frac{5\sqrt{42}}{27}")]
    [InlineData(@"\frac94\pi", @"\frac{9}{4}\pi")]
    [InlineData(@"pi/4", @"\frac{\pi}{4}")]
    [InlineData(@"e^{i\pi}", @"-1")]
    [InlineData(@"1+2i", @"2i+1")]
    [InlineData(@"\log_2 8", @"3")]
    [InlineData(@"\sqrt[3]{-8}", @"-2")]
    [InlineData(@"\binom{5}{2}", @"10")]
    [InlineData(@"5!", @"120")]
    [InlineData(@"3 \cdot 2^{4}", @"48")]
    [InlineData(@"10^6", @"1,000,000")]
    [InlineData(@"\cfrac{1}{3}", @"1/3")]
    [InlineData(@"\left( \frac{1}{3} \right)", @"1/3")]
    [InlineData(@"2 \sin b \cos a", @"2\cos a \sin b")]
    // a decimal of six significant digits or more stands for the value it rounds
    [InlineData(@"0.0833333333333333", @"\frac{1}{12}")]
    [InlineData(@"4.123105625617661", @"\sqrt{17}")]
    [InlineData(@"3.14159265", @"\pi")]
    // words, units, percent, degrees, choices
    [InlineData(@"28 percent", @"28\%")]
    [InlineData(@"\boxed{28 pct}", @"28\%")]
    [InlineData(@"15\mbox{ cm}^2", @"15")]
    [InlineData(@"125\textnormal{ miles}", @"125")]
    [InlineData(@"0.06 \text{ yuan}", @"0.06")]
    [InlineData(@"90^\circ", @"90")]
    [InlineData(@"\text{(C)}", @"C")]
    [InlineData(@"\text{Evelyn}", @"Evelyn")]
    [InlineData(@"\text{odd}", @"odd")]
    [InlineData(@"11,\! 111,\! 111,\! 100", @"11111111100")]
    [InlineData(@"14{,}916", @"14916")]
    // tuples, intervals, sets, lists
    [InlineData(@"(1,\frac{9}{2})", @"(1,4.5)")]
    [InlineData(@"(5,100)", @"(5, 100)")]
    [InlineData(@"[-1, -\tfrac12) \cup (-\tfrac12, 0)", @"[-1, -\frac{1}{2}) \cup (-\frac{1}{2}, 0)")]
    [InlineData(@"\{1\pm\sqrt{5},-2\}", @"-2, 1+\sqrt{5}, 1-\sqrt{5}")]
    [InlineData(@"\pm 2021", @"{-2021, 2021}")]
    [InlineData(@"3 \pm 2 \sqrt{2}", @"3 + 2\sqrt2, 3 - 2\sqrt2")]
    [InlineData(@"-12;-11;-10", @"\{-12, -11, -10\}")]
    [InlineData(@"21,16 or 11", @"21,16,11")]
    [InlineData(@"19, 46, and 82", @"19, 46, \text{ and } 82")]
    [InlineData(@"(1,3)", @"{1,3}")]
    [InlineData(@"(3, 37, 3, 13), (37, 3, 3, 13), (3,17,3,7), (3, 17, 3, 7)", @"(37,3,3,13),(3,37,3,13),(3,17,3,7)")]
    [InlineData(@"(0;0;0),(4;-2;6)", @"(4, -2, 6), (0, 0, 0)")]
    [InlineData(@"\begin{pmatrix}1 & 0 \\ 0 & 1\end{pmatrix}", @"\left[\begin{array}{cc}1 & 0 \\ 0 & 1\end{array}\right]")]
    [InlineData(@"\begin{pmatrix}-\frac{7}{4}&-2\\4&\frac{1}{4}\\\end{pmatrix}", @"\begin{bmatrix}-1.75 & -2 \\ 4 & 0.25\end{bmatrix}")]
    // labelled values and relations
    [InlineData(@"x = 5", @"5")]
    [InlineData(@"(p,q)=(3,2)", @"(3,2)")]
    [InlineData(@"p=5,q=2;p=7,q=2", @"(5,2),(7,2)")]
    [InlineData(@"|AB|=1", @"1")]
    [InlineData(@"\lvert AB\rvert = 1", @"1")]
    [InlineData(@"V_{1}:V_{2}=11:21", @"11:21")]
    [InlineData(@"S_{MBCN}:S=7:32", @"7:32")]
    [InlineData(@"\frac{NO}{BO}=\frac{1}{\sqrt{6}}", @"\frac{1}{\sqrt{6}}")]
    [InlineData(@"x = 5+5+1 = 7 =11", @"x = 11")]
    [InlineData(@"x=1/3\approx1.3", @"1/3")]
    [InlineData(@"x\approx11", @"11")]
    [InlineData(@"a_{37} = 19, a_3 = 2", @"a_3 = 2, a_{37} = 19")]
    [InlineData(@"y = -\frac{1}{2}x+\frac{3}{4}", @"2x+4y-3=0")]
    [InlineData(@"x^2/16 + y^2/12 = 1/4", @"x^2/4 + y^2/3 = 1")]
    [InlineData(@"-34x-45y+20z-100=0", @"34x+45y-20z+100=0")]
    [InlineData(@"x \leq 5", @"5 \geq x")]
    [InlineData(@"-x > -1", @"x < 1")]
    [InlineData(@"x != 3", @"x \neq 3")]
    [InlineData(@"-2 \le x \le 7", @"x \in [-2,7]")]
    [InlineData(@"-793 < a < 10", @"(-793, 10)")]
    [InlineData(@"0<f(x)<1", @"(0,1)")]
    [InlineData(@"1\leq|z|\leq \frac{3}{2}", @"z \in \left[-\frac{3}{2}, -1\right] \cup \left[1, \frac{3}{2}\right]")]
    [InlineData(@"x > 3", @"(3, \infty)")]
    [InlineData(@"F_n = \sum_{k=0}^{n-1} F_k F_{n-k-1}", @"F_n = \sum_{k=0}^{n-1} F_{n-k-1} F_k")]
    [InlineData(@"x < -2 \text{ or } x > 3", @"(-\infty,-2)\cup(3,\infty)")]
    [InlineData(@"x = 3, y = 4", @"(3, 4)")]
    [InlineData(@"x \neq 0", @"(-\infty, 0) \cup (0, \infty)")]
    [InlineData(@"\mathbb{R}", @"(-\infty, \infty)")]
    [InlineData(@"\approx 3.14", @"3.14")]
    // more notation: repeating decimals, scientific notation, percent as a hundredth, vectors, choices with their value
    [InlineData(@"0.\overline{3}", @"\frac13")]
    [InlineData(@"1.1\overline{6}", @"\frac76")]
    [InlineData(@"1e-3", @"0.001")]
    [InlineData(@"2.5\times10^{5}", @"250000")]
    [InlineData(@"28\%", @"0.28")]
    [InlineData(@"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", @"(1,2)")]
    [InlineData(@"\text{(E)}\ 12", @"E")]
    // rows found by mutation testing: the functions, exact arithmetic and tolerances behind the comparison
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
    [InlineData(@"1 - \frac{1}{e}", @"1 + \frac{1}{e}")]
    [InlineData(@"2", @"\frac{1+\sqrt{5}}{2}")]
    [InlineData(@"4", @"\frac{34}{16}+\frac{\sqrt{1358}}{16}")]
    [InlineData(@"1\sqrt{19}", @"1")]
    [InlineData(@"x+2n+1", @"x+1")]
    [InlineData(@"(a+5)(b+2)", @"(+5)(b+2)")]
    [InlineData(@"f(x)", @"f(y)")]
    [InlineData(@"0.33", @"\frac{1}{3}")]
    [InlineData(@"3.14", @"\pi")]
    [InlineData(@"0.5000001", @"0.5")]
    [InlineData(@"x > 5", @"x \geq 5")]
    [InlineData(@"x < 1", @"x > -1")]
    [InlineData(@"a +3z = 0", @"0")]
    [InlineData(@"7 = 11a+c", @"11a+c")]
    [InlineData(@"[0,1)", @"(0,1)")]
    [InlineData(@"(1,2)", @"(2,1)")]
    [InlineData(@"(-2,1)", @"-2,1")]
    [InlineData(@"(3,1)", @"{1,3}")]
    [InlineData(@"\pm 2021", @"2021")]
    [InlineData(@"32, 349", @"32349")]
    [InlineData(@"1112112_3", @"1112122_3")]
    [InlineData(@"12:00", @"1:00")]
    [InlineData(@"n=2, 3, 4", @"n=1, 2, 3")]
    [InlineData(@"D = (0, 1)", @"D = (0, 1.5)")]
    [InlineData(@"F_n = \sum_{k=0}^{n-1} F_k F_{n-k-1}", @"F_n = \sum_{k=0}^{n-2} F_k F_{n-k-2}")]
    [InlineData(@"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}", @"\begin{pmatrix}1 & 2 \\ 3 & 5\end{pmatrix}")]
    [InlineData(@"\begin{pmatrix}1 & 2\end{pmatrix}", @"\begin{pmatrix}1 \\ 2\end{pmatrix}")]
    [InlineData(@"\text{E}", @"d")]
    [InlineData(@"\{1, 2\}", @"(1, 2)")]
    [InlineData(@"x = 4, y = 3", @"(3, 4)")]
    [InlineData(@"0.29", @"28\%")]
    [InlineData(@"0.\overline{3}", @"0.3")]
    // rows found by mutation testing
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

    [Fact]
    public void Parsing_any_mix_of_tokens_never_throws()
    {
        string[] pieces = [@"\frac", "{", "}", "(", ")", "[", "]", @"\{", @"\}", "|", "^", "_", "1", "2.5", "x", "ab", "word", ",", ";", "=", "<", @"\le",
            @"\sqrt", @"\pm", @"\begin{pmatrix}", @"\end{pmatrix}", "&", @"\\", @"\cup", ":", "!", "-", "+", "/", @"\sin", @"\infty", "and", " "];
        var random = new Random(42);
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            _ = AnswerEquivalence.AreEqual(text, "x + 1");
        }

        var deep = new string('(', 5000) + "1" + new string(')', 5000);
        Assert.False(AnswerEquivalence.AreEqual(deep, "2"));
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

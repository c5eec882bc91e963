using Drp.Core.Answers;
using Drp.Core.Answers.Expressions;

namespace Drp.Core.Tests.Answers;

/// <summary>
/// What the answer reader does before parsing, entry by entry of its tables: the clean-up of LaTeX and Unicode, the
/// tokens, and which letters are words (each row would pass for a broken entry otherwise; found by mutation testing).
/// </summary>
public sealed class AnswerReadingTests
{
    [Theory]
    [InlineData(@"a−b", @"a-b")]
    [InlineData(@"a–b", @"a-b")]
    [InlineData(@"x≤1", @"x\le 1")]
    [InlineData(@"x≥1", @"x\ge 1")]
    [InlineData(@"x≠1", @"x\ne 1")]
    [InlineData(@"2π", @"2\pi")]
    [InlineData(@"√2", @"\sqrt2")]
    [InlineData(@"∞", @"\infty")]
    [InlineData(@"2×3", @"2\times 3")]
    [InlineData(@"2·3", @"2\cdot 3")]
    [InlineData(@"A∪B", @"A\cup B")]
    [InlineData(@"±2", @"\pm 2")]
    [InlineData(@"x∈A", @"x\in A")]
    [InlineData(@"90°", @"90")]
    [InlineData(@"\$5", @"5")]
    [InlineData(@"$5$", @"5")]
    [InlineData(@"\""a\""", @"a")]
    [InlineData(@"""a""", @"a")]
    [InlineData(@"\mathbb{R}", @"(-\infty, \infty)")]
    [InlineData(@"\mathbb R", @"(-\infty, \infty)")]
    [InlineData(@"\lvert x\rvert", @"| x|")]
    [InlineData(@"\vert x\vert", @"| x|")]
    [InlineData(@"\dfrac12", @"\frac12")]
    [InlineData(@"\tfrac12", @"\frac12")]
    [InlineData(@"\cfrac12", @"\frac12")]
    [InlineData(@"\dbinom52", @"\binom52")]
    [InlineData(@"\tbinom52", @"\binom52")]
    [InlineData(@"a\qquad b", @"a  b")]
    [InlineData(@"a\quad b", @"a  b")]
    [InlineData(@"\displaystyle x", @"x")]
    [InlineData(@"5\%", @"5")]
    [InlineData(@"5%", @"5")]
    [InlineData(@"a\!b", @"ab")]
    [InlineData(@"1,\!000", @"1000")]
    [InlineData(@"14{,}916", @"14916")]
    [InlineData(@"a\,b", @"a b")]
    [InlineData(@"a\;b", @"a b")]
    [InlineData(@"a\:b", @"a b")]
    [InlineData(@"a\ b", @"a b")]
    [InlineData(@"a~b", @"a b")]
    [InlineData(@"\(x\)", @"x")]
    [InlineData(@"\[x\]", @"x")]
    [InlineData(@"\\frac12", @"\frac12")]
    [InlineData(@"a \\ b", @"a  \\  b")]
    [InlineData(@"\text{\textbf{\textit{x}}}", @"x")]
    [InlineData(@"\text{\text{\text{\text{x}}}}", @"\text{   x   }")]
    [InlineData(@"\left( x \right)", @"( x )")]
    [InlineData(@"30^\circ", @"30")]
    [InlineData(@"30\degree", @"30")]
    [InlineData(@"2.5e3", @"2.5\times10^{3}")]
    [InlineData(@"5.", @"5")]
    public void Cleaning_writes_each_notation_one_way(string answer, string cleaned)
    {
        Assert.Equal(cleaned, LatexCleaner.Clean(answer));
    }

    [Theory]
    [InlineData(@"\le", "<=")]
    [InlineData(@"\leq", "<=")]
    [InlineData(@"\leqslant", "<=")]
    [InlineData(@"\ge", ">=")]
    [InlineData(@"\geq", ">=")]
    [InlineData(@"\geqslant", ">=")]
    [InlineData(@"\lt", "<")]
    [InlineData(@"\gt", ">")]
    [InlineData(@"\ne", "!=")]
    [InlineData(@"\neq", "!=")]
    [InlineData(@"\in", "in")]
    [InlineData(@"\approx", "~")]
    [InlineData(@"\sim", "~")]
    [InlineData(@"\simeq", "~")]
    [InlineData("<=", "<=")]
    [InlineData("=<", "<=")]
    [InlineData(">=", ">=")]
    [InlineData("=>", ">=")]
    [InlineData("!=", "!=")]
    [InlineData("<>", "!=")]
    [InlineData("=", "=")]
    [InlineData("<", "<")]
    [InlineData(">", ">")]
    public void Each_relation_is_one_token(string written, string relation)
    {
        var token = Assert.Single(LatexLexer.Tokenize($"x {written} 1"), t => t.Kind == TokenKind.Relation);
        Assert.Equal(RelationNamed(relation), token.Text);
    }

    [Theory]
    [InlineData("1 ", "Number:1")]
    [InlineData(".5", "Number:.5")]
    [InlineData("5.", "Number:5 Symbol:.")]
    [InlineData("1.25x", "Number:1.25 Letters:x")]
    [InlineData("2**3", "Number:2 Symbol:^ Number:3")]
    [InlineData(@"a\", @"Letters:a Command:")]
    [InlineData(@"\{1\}", "Command:{ Number:1 Command:}")]
    [InlineData("12 cm", "Number:12 Letters:cm")]
    public void Text_splits_into_tokens(string text, string tokens)
    {
        Assert.Equal(tokens, string.Join(" ", LatexLexer.Tokenize(text).Select(t => $"{t.Kind}:{t.Text}")));
    }

    [Theory]
    [InlineData(@"\begin{pmatrix}1\\2\end{pmatrix}", @"[1;2]")]
    [InlineData(@"\begin{bmatrix}1&2\end{bmatrix}", @"[1,2]")]
    [InlineData(@"\begin{Bmatrix}1&2\end{Bmatrix}", @"[1,2]")]
    [InlineData(@"\begin{vmatrix}1&2\end{vmatrix}", @"[1,2]")]
    [InlineData(@"\begin{Vmatrix}1&2\end{Vmatrix}", @"[1,2]")]
    [InlineData(@"\begin{matrix}1&2\end{matrix}", @"[1,2]")]
    [InlineData(@"\begin{smallmatrix}1&2\end{smallmatrix}", @"[1,2]")]
    [InlineData(@"\begin{array}{cc}1&2\end{array}", @"[1,2]")]
    [InlineData(@"\begin{cases}1\end{cases}", null)]
    [InlineData(@"+3", @"3")]
    [InlineData(@"\pm 3", @"(±3)")]
    [InlineData(@"\mp 3", @"(±3)")]
    [InlineData(@"6 \div 3", @"(6/3)")]
    [InlineData(@"\frac{2}{3}x", @"((2/3)*x)")]
    [InlineData(@"2\sqrt3", @"(2*sqrt(3))")]
    [InlineData(@"2\pi", @"(2*pi)")]
    [InlineData(@"2\binom{4}{2}", @"(2*binom(4,2))")]
    [InlineData(@"2\infty", @"(2*oo)")]
    [InlineData(@"2\lfloor x\rfloor", @"(2*floor(x))")]
    [InlineData(@"2\lceil x\rceil", @"(2*ceil(x))")]
    [InlineData(@"2\begin{pmatrix}1\end{pmatrix}", @"(2*[1])")]
    [InlineData(@"2\alpha", @"(2*\alpha)")]
    [InlineData(@"2(3)", @"(2*3)")]
    [InlineData(@"2|x|", @"(2*abs(x))")]
    [InlineData(@"x_{1}", @"x_1")]
    [InlineData(@"2^-3", @"(2^-3)")]
    [InlineData(@"\frac1{2}", @"(1/2)")]
    [InlineData(@"0.\dot{3}", @"1/3")]
    [InlineData(@"0.1\overline{6}", @"1/6")]
    [InlineData(@"0.\overline{a}", null)]
    [InlineData(@"inf", @"oo")]
    [InlineData(@"infinity", @"oo")]
    [InlineData(@"f(x)", @"f(x)")]
    [InlineData(@"g(1,2)", @"g(1,2)")]
    [InlineData(@"h(x)", @"h(x)")]
    [InlineData(@"k(x)", @"(k*x)")]
    [InlineData(@"\fbox{5}", @"5")]
    [InlineData(@"\framebox{5}", @"5")]
    [InlineData(@"\emptyset", @"Set[]")]
    [InlineData(@"\varnothing", @"Set[]")]
    [InlineData(@"\sum_{k=1}^{n} k", @"sum(k=1,n,k)")]
    [InlineData(@"\prod_{k=1}^{n} k", @"prod(k=1,n,k)")]
    [InlineData(@"\int_0^1 x", @"int(0,1,x)")]
    [InlineData(@"\alpha_1", @"\alpha_1")]
    [InlineData(@"\sqrt[3]{8}", @"root(8,3)")]
    [InlineData(@"\sqrt4", @"sqrt(4)")]
    [InlineData(@"[1,2)", @"[1,2)")]
    [InlineData(@"(1,2]", @"(1,2]")]
    [InlineData(@"((1))", @"1")]
    [InlineData(@"||x||", @"abs(abs(x))")]
    [InlineData(@"{{1}}", @"1")]
    [InlineData(@"x^{y^{z}}", @"(x^(y^z))")]
    [InlineData(@"\log_2 8", @"log(8,2)")]
    [InlineData(@"(3)!", @"fact(3)")]
    [InlineData(@"2x/3", @"((2*x)/3)")]
    [InlineData(@"x/3", @"(x/3)")]
    [InlineData(@"+x", @"x")]
    [InlineData(@"0.\overline3", @"1/3")]
    [InlineData(@"infty", @"oo")]
    [InlineData(@"\vec{v}", @"\vec{v}")]
    [InlineData(@"\sin(x)", @"sin(x)")]
    [InlineData(@"[1]", @"Tuple[1]")]
    [InlineData(@"|x|+|y|", @"(abs(x)+abs(y))")]
    [InlineData(@"1/2/3", @"((1/2)/3)")]
    [InlineData(@"2 \times 3 \div 4", @"((2*3)/4)")]
    [InlineData(@"-(-3)", @"--3")]
    [InlineData(@"2-x", @"(-x+2)")]
    [InlineData(@"x\pm1", @"(x±1)")]
    // items outside brackets; groups of labelled values are tuples
    [InlineData("x=1;x=2", "List[x=1,x=2]")]
    [InlineData("x=1,y=2;x=3,y=4", "List[Tuple[1,2],Tuple[3,4]]")]
    [InlineData("x=1,y=2;3,4", "List[x=1,y=2,3,4]")]
    [InlineData("red and blue", "List[\"red\",\"blue\"]")]
    [InlineData("[1,2],[3,4]", "List[[1,2],[3,4]]")]
    [InlineData(@"\{1,2\},\{3\}", "List[Set[1,2],Set[3]]")]
    [InlineData("(1,2),(3,4)", "List[Tuple[1,2],Tuple[3,4]]")]
    [InlineData(@"\begin{pmatrix}1&2\end{pmatrix},3", "List[[1,2],3]")]
    [InlineData(@"b+a", "(a+b)")]
    [InlineData(@"\binom{5}{2}", "binom(5,2)")]
    [InlineData(@"1\pm 2", "(1±2)")]
    [InlineData(@"3:4", "3:4")]
    [InlineData(@"[1,2]\cup[3,4]", "[1,2]∪[3,4]")]
    [InlineData(@"\begin{pmatrix}1 & 2 \\ 3 & 4\end{pmatrix}", "[1,2;3,4]")]
    // LaTeX read as LaTeX; broken text gives up
    [InlineData(@"\frac{1}{2", null)]
    [InlineData(@"((((", null)]
    [InlineData(@"\begin{align} x \end{align}", null)]
    [InlineData(@"x^23", "((x^2)*3)")]
    [InlineData(@"2\frac{3}{4}", "11/4")]
    [InlineData(@"\sin^{-1} x", "arcsin(x)")]
    [InlineData(@"15 cm^2", "15")]
    public void Each_notation_parses_to_its_canonical_form(string answer, string? parsed)
    {
        Assert.Equal(parsed, AnswerParser.Parse(answer)?.ToString());
    }

    [Fact]
    public void Parsing_stops_at_a_thousand_tokens_and_a_hundred_levels()
    {
        static string Sum(int tokens) => "-1" + string.Concat(Enumerable.Repeat("+1", (tokens - 2) / 2));
        static string Nested(int depth) => new string('(', depth) + "1" + new string(')', depth);

        Assert.Equal(1000, LatexLexer.Tokenize(Sum(1000)).Count);
        Assert.NotNull(AnswerParser.Parse(Sum(1000)));
        Assert.Null(AnswerParser.Parse(Sum(1002)));
        Assert.NotNull(AnswerParser.Parse(Nested(99)));
        Assert.Null(AnswerParser.Parse(Nested(100)));
    }

    [Theory]
    [InlineData("sin")]
    [InlineData("cos")]
    [InlineData("tan")]
    [InlineData("sec")]
    [InlineData("csc")]
    [InlineData("cot")]
    [InlineData("arcsin")]
    [InlineData("arccos")]
    [InlineData("arctan")]
    [InlineData("sinh")]
    [InlineData("cosh")]
    [InlineData("tanh")]
    [InlineData("log")]
    [InlineData("exp")]
    [InlineData("sqrt")]
    [InlineData("inf")]
    [InlineData("infty")]
    [InlineData("infinity")]
    public void Names_of_functions_and_constants_are_not_words(string name)
    {
        Assert.False(AnswerWords.IsWord(new Token(TokenKind.Letters, name, SpaceBefore: true)));
    }

    [Theory]
    [InlineData("cm")]
    [InlineData("mm")]
    [InlineData("km")]
    [InlineData("kg")]
    [InlineData("mg")]
    [InlineData("ft")]
    [InlineData("yd")]
    [InlineData("mi")]
    [InlineData("hr")]
    [InlineData("ml")]
    [InlineData("in")]
    [InlineData("lb")]
    [InlineData("oz")]
    [InlineData("am")]
    [InlineData("pm")]
    [InlineData("mL")]
    [InlineData("kW")]
    public void A_two_letter_unit_after_a_space_is_a_word_and_a_product_without_one(string unit)
    {
        Assert.True(AnswerWords.IsWord(new Token(TokenKind.Letters, unit, SpaceBefore: true)));
        Assert.False(AnswerWords.IsWord(new Token(TokenKind.Letters, unit, SpaceBefore: false)));
    }

    [Fact]
    public void Words_are_three_letters_or_more_and_the_separators()
    {
        Assert.True(AnswerWords.IsWord(new Token(TokenKind.Letters, "cat")));
        Assert.True(AnswerWords.IsWord(new Token(TokenKind.Letters, "or")));
        Assert.True(AnswerWords.IsSeparator(new Token(TokenKind.Letters, "and")));
        Assert.True(AnswerWords.IsSeparator(new Token(TokenKind.Letters, "or")));
        Assert.False(AnswerWords.IsWord(new Token(TokenKind.Letters, "xy", SpaceBefore: true)));
        Assert.False(AnswerWords.IsWord(new Token(TokenKind.Letters, "ln", SpaceBefore: true)));
        Assert.False(AnswerWords.IsWord(new Token(TokenKind.Letters, "pi", SpaceBefore: true)));
        Assert.False(AnswerWords.IsWord(new Token(TokenKind.Command, "text")));
    }

    private static string RelationNamed(string relation) => relation switch
    {
        "<=" => Relation.Le,
        ">=" => Relation.Ge,
        "<" => Relation.Lt,
        ">" => Relation.Gt,
        "!=" => Relation.Ne,
        "in" => Relation.In,
        "~" => Relation.Approx,
        _ => Relation.Eq,
    };
}

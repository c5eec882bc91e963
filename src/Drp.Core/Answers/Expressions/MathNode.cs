namespace Drp.Core.Answers.Expressions;

/// <summary>
/// A parsed answer: numbers, symbols and operations, and the shapes answers come in (tuples, intervals, sets,
/// matrices, relations). <see cref="ToString"/> is a canonical text (sums and products in a fixed order), used to
/// compare what cannot be evaluated.
/// </summary>
public abstract record MathNode;

/// <summary>A number as written: its exact value and whether it was written as a decimal, with how many places.</summary>
public sealed record Num(Rational Value, int DecimalPlaces = 0) : MathNode
{
    public bool IsDecimal => DecimalPlaces > 0;

    public override string ToString() => Value.Denominator.IsOne ? Value.Numerator.ToString() : $"{Value.Numerator}/{Value.Denominator}";
}

/// <summary>A variable or constant: <c>x</c>, <c>a_{37}</c>, <c>pi</c>, <c>e</c>, <c>i</c>, <c>oo</c> (infinity).</summary>
public sealed record Sym(string Name) : MathNode
{
    public const string Pi = "pi";
    public const string E = "e";
    public const string I = "i";
    public const string Infinity = "oo";

    public override string ToString() => Name;
}

/// <summary>Words: a text answer ("Evelyn", "odd"), compared without case and spacing.</summary>
public sealed record Text(string Words) : MathNode
{
    public override string ToString() => $"\"{Words.ToLowerInvariant().Replace(" ", "")}\"";
}

public sealed record Add(IReadOnlyList<MathNode> Terms) : MathNode
{
    public override string ToString() => $"({string.Join("+", Terms.Select(t => t.ToString()).Order(StringComparer.Ordinal))})";
}

public sealed record Mul(IReadOnlyList<MathNode> Factors) : MathNode
{
    public override string ToString() => $"({string.Join("*", Factors.Select(f => f.ToString()).Order(StringComparer.Ordinal))})";
}

public sealed record Neg(MathNode Operand) : MathNode
{
    public override string ToString() => $"-{Operand}";
}

public sealed record Div(MathNode Numerator, MathNode Denominator) : MathNode
{
    public override string ToString() => $"({Numerator}/{Denominator})";
}

public sealed record Pow(MathNode Base, MathNode Exponent) : MathNode
{
    public override string ToString() => $"({Base}^{Exponent})";
}

/// <summary>A known function (<c>sin</c>, <c>sqrt</c>, <c>root</c>, <c>log</c>, <c>abs</c>, <c>fact</c>, <c>binom</c>, …) or an unknown one (<c>f(x)</c>, <c>sum</c>), which is not evaluated.</summary>
public sealed record Func(string Name, IReadOnlyList<MathNode> Args) : MathNode
{
    public override string ToString() => $"{Name}({string.Join(",", Args)})";
}

/// <summary><c>a \pm b</c>: two answers, a+b and a−b.</summary>
public sealed record PlusMinus(MathNode? Left, MathNode Right) : MathNode
{
    public override string ToString() => $"({Left}±{Right})";
}

/// <summary>A ratio <c>7:32</c>, compared part by part.</summary>
public sealed record Ratio(IReadOnlyList<MathNode> Parts) : MathNode
{
    public override string ToString() => string.Join(":", Parts);
}

/// <summary>How a sequence of values was written, which decides whether its order counts.</summary>
public enum SeqKind
{
    /// <summary><c>(1, 2)</c>: ordered.</summary>
    Tuple,

    /// <summary><c>\{1, 2\}</c>: unordered.</summary>
    Set,

    /// <summary>Items separated at the top of an answer (<c>-2, 1</c>): solutions in any order, not a tuple.</summary>
    List,

    /// <summary><c>{1, 2}</c>, a LaTeX group: in any order against a list or set, in order against a tuple.</summary>
    Group,
}

public sealed record Seq(SeqKind Kind, IReadOnlyList<MathNode> Items) : MathNode
{
    public override string ToString() => $"{Kind}[{string.Join(",", Items)}]";
}

public sealed record Interval(MathNode Low, MathNode High, bool LowClosed, bool HighClosed) : MathNode
{
    public override string ToString() => $"{(LowClosed ? '[' : '(')}{Low},{High}{(HighClosed ? ']' : ')')}";
}

public sealed record Union(IReadOnlyList<MathNode> Parts) : MathNode
{
    public override string ToString() => string.Join("∪", Parts);
}

public sealed record Matrix(IReadOnlyList<IReadOnlyList<MathNode>> Rows) : MathNode
{
    public override string ToString() => $"[{string.Join(";", Rows.Select(r => string.Join(",", r)))}]";
}

/// <summary>A chain of relations: <c>a = b</c>, <c>-2 \le x \le 7</c>, <c>x \in [0, 1)</c>. Operators: = ≠ &lt; ≤ &gt; ≥ ∈ ≈.</summary>
public sealed record Relation(IReadOnlyList<MathNode> Sides, IReadOnlyList<string> Ops) : MathNode
{
    public const string Eq = "=";
    public const string Ne = "!=";
    public const string Lt = "<";
    public const string Le = "<=";
    public const string Gt = ">";
    public const string Ge = ">=";
    public const string In = "in";
    public const string Approx = "~";

    public override string ToString() => string.Concat(Sides.Select((s, i) => i == 0 ? s.ToString() : $"{Ops[i - 1]}{s}"));
}

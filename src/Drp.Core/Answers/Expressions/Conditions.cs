using System.Numerics;

namespace Drp.Core.Answers.Expressions;

/// <summary>
/// Equations and inequalities as conditions: <c>x \leq 5</c> is <c>5 \geq x</c> (sides moved, direction flipped),
/// <c>2x+4y-3=0</c> is <c>y = -\frac12 x + \frac34</c> (one a multiple of the other), and <c>-2 \le x \le 7</c> is the
/// interval <c>[-2, 7]</c>.
/// </summary>
public static class Conditions
{
    private static readonly Dictionary<string, Complex> NoValues = [];

    /// <summary>Two single relations that hold for the same values.</summary>
    public static bool SameRelation(Relation a, Relation b)
    {
        var (diffA, kindA) = Normalized(a);
        var (diffB, kindB) = Normalized(b);
        if (kindA != kindB || ConstantRatio(diffA, diffB) is not { } ratio || Complex.Abs(ratio) == 0)
        {
            return false;
        }

        // an inequality may be multiplied by a positive number only
        return kindA is Relation.Eq or Relation.Ne || (Math.Abs(ratio.Imaginary) < 1e-12 && ratio.Real > 0);
    }

    /// <summary>The relation as "difference kind 0", kind one of =, ≠, &lt;, ≤ (a &gt; b becomes b − a &lt; 0).</summary>
    private static (MathNode Difference, string Kind) Normalized(Relation r)
    {
        var (left, right) = (r.Sides[0], r.Sides[1]);
        return r.Ops[0] switch
        {
            Relation.Gt => (Difference(right, left), Relation.Lt),
            Relation.Ge => (Difference(right, left), Relation.Le),
            var op => (Difference(left, right), op),
        };
    }

    private static MathNode Difference(MathNode a, MathNode b) => new Add([a, new Neg(b)]);

    /// <summary>y / x where it is the same number at every sample point (x and y have variables), else null.</summary>
    private static Complex? ConstantRatio(MathNode x, MathNode y)
    {
        var symbols = MathTree.Symbols(x);
        symbols.UnionWith(MathTree.Symbols(y));
        if (symbols.Count == 0)
        {
            return null;
        }

        Complex? ratio = null;
        foreach (var values in MathComparer.Samples(symbols))
        {
            if (MathEvaluator.Evaluate(x, values) is not { } vx || MathEvaluator.Evaluate(y, values) is not { } vy || MathComparer.IsNaN(vx) || MathComparer.IsNaN(vy))
            {
                return null;
            }

            if (MathComparer.Close(vx, 0))
            {
                if (!MathComparer.Close(vy, 0))
                {
                    return null;
                }

                continue;
            }

            var r = vy / vx;
            if (ratio is { } first && !MathComparer.Close(first, r))
            {
                return null;
            }

            ratio ??= r;
        }

        return ratio;
    }

    /// <summary><c>x &lt; -2</c> or <c>x &gt; 3</c>: a list of conditions is the union of their sets (null for anything else).</summary>
    public static MathNode? UnionOf(MathNode node)
    {
        if (node is not Seq { Kind: SeqKind.List, Items.Count: > 1 } list || !list.Items.All(i => i is Relation))
        {
            return null;
        }

        var sets = list.Items.Select(i => Labels.Value(i) is null ? AsSet((Relation)i) : null).ToList();
        return sets.All(s => s is Interval) ? new Union(sets!) : null;
    }

    /// <summary>The set a condition on one quantity describes: <c>x \in S</c>, a chain <c>a &lt; T \le b</c>, or a ray <c>T &gt; c</c>.</summary>
    public static MathNode? AsSet(Relation r)
    {
        var sides = r.Sides;
        var ops = r.Ops;
        if (ops is [Relation.In])
        {
            return sides[1];
        }

        if (ops is [var first, var second] && IsConstant(sides[0]) && IsConstant(sides[2]) && !IsConstant(sides[1]))
        {
            var interval = (first, second) switch
            {
                (Relation.Lt or Relation.Le, Relation.Lt or Relation.Le) => new Interval(sides[0], sides[2], first == Relation.Le, second == Relation.Le),
                (Relation.Gt or Relation.Ge, Relation.Gt or Relation.Ge) => new Interval(sides[2], sides[0], second == Relation.Ge, first == Relation.Ge),
                _ => null,
            };
            return sides[1] is Func { Name: "abs", Args: [Sym] } && interval is not null ? Mirrored(interval) : interval;
        }

        if (ops is not [var op] || op is Relation.Eq || IsConstant(sides[0]) == IsConstant(sides[1]))
        {
            return null;
        }

        // c < T is T > c; T ≠ c is everything but c
        var (bound, direction) = IsConstant(sides[1]) ? (sides[1], op) : (sides[0], Flipped(op));
        var infinity = new Sym(Sym.Infinity);
        if ((IsConstant(sides[1]) ? sides[0] : sides[1]) is Func { Name: "abs", Args: [Sym] })
        {
            // |x| < c is 0 <= |x| < c, |x| > c is c < |x| < ∞: each mirrored around 0
            return direction switch
            {
                Relation.Lt or Relation.Le when MathEvaluator.Evaluate(bound, NoValues) is { Imaginary: 0, Real: >= 0 } =>
                    Mirrored(new Interval(new Num(Rational.Zero), bound, true, direction == Relation.Le)),
                Relation.Gt or Relation.Ge => Mirrored(new Interval(bound, infinity, direction == Relation.Ge, false)),
                _ => null,
            };
        }

        return direction switch
        {
            Relation.Lt or Relation.Le => new Interval(new Neg(infinity), bound, false, direction == Relation.Le),
            Relation.Gt or Relation.Ge => new Interval(bound, infinity, direction == Relation.Ge, false),
            Relation.Ne => new Union([new Interval(new Neg(infinity), bound, false, false), new Interval(bound, infinity, false, false)]),
            _ => null,
        };
    }

    /// <summary><c>1 \le |z| \le 2</c> is <c>[-2, -1] \cup [1, 2]</c> (a positive lower bound), <c>0 \le |z| \le 2</c> is <c>[-2, 2]</c>.</summary>
    private static MathNode? Mirrored(Interval interval)
    {
        if (MathEvaluator.Evaluate(interval.Low, NoValues) is not { } low || low.Imaginary != 0 || low.Real < 0)
        {
            return null;
        }

        var negative = new Interval(new Neg(interval.High), new Neg(interval.Low), interval.HighClosed, interval.LowClosed);
        return low.Real == 0 && interval.LowClosed
            ? new Interval(new Neg(interval.High), interval.High, interval.HighClosed, interval.HighClosed)
            : new Union([negative, interval]);
    }

    private static string Flipped(string op) => op switch
    {
        Relation.Lt => Relation.Gt,
        Relation.Le => Relation.Ge,
        Relation.Gt => Relation.Lt,
        Relation.Ge => Relation.Le,
        _ => op,
    };

    private static bool IsConstant(MathNode node) => MathTree.Symbols(node).Count == 0 && MathEvaluator.Evaluate(node, NoValues) is not null;
}

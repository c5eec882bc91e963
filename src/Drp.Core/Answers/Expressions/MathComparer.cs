using System.Numerics;

namespace Drp.Core.Answers.Expressions;

/// <summary>
/// drp's policy for "the same answer" on parsed answers (docs/answers.md):
/// numbers exactly; other expressions by their values (variables given the same random values on both sides);
/// tuples, intervals and matrices in order, sets and lists of solutions in any order (a tuple is no list); relations as relations.
/// </summary>
public static class MathComparer
{
    private const int Points = 5;
    private const double Tolerance = 1e-10;

    /// <summary>A decimal stands for an exact value it does not equal only when it has this many significant digits.</summary>
    public const int ApproximationDigits = 6;

    public static bool Equal(MathNode a, MathNode b)
    {
        if (a.ToString() == b.ToString())
        {
            return true;
        }

        if (MathTree.HasPlusMinus(a) || MathTree.HasPlusMinus(b))
        {
            var (expandedA, expandedB) = (Expanded(a), Expanded(b));
            return !MathTree.HasPlusMinus(expandedA) && !MathTree.HasPlusMinus(expandedB) && Equal(expandedA, expandedB);
        }

        if (Conditions.UnionOf(a) is { } unionA)
        {
            return Equal(unionA, b);
        }

        if (Conditions.UnionOf(b) is { } unionB)
        {
            return Equal(a, unionB);
        }

        return (a, b) switch
        {
            (Relation ra, _) => RelationEqual(ra, b),
            (_, Relation rb) => RelationEqual(rb, a),
            (Seq sa, Seq sb) => SeqEqual(sa, sb),
            (Interval ia, Interval ib) => ia.LowClosed == ib.LowClosed && ia.HighClosed == ib.HighClosed && Equal(ia.Low, ib.Low) && Equal(ia.High, ib.High),
            (Interval ia, Seq sb) => OpenPair(ia, sb),
            (Seq sa, Interval ib) => OpenPair(ib, sa),
            (Union ua, Union ub) => Unordered(ua.Parts, ub.Parts),
            (Matrix ma, Matrix mb) => ma.Rows.Count == mb.Rows.Count && ma.Rows.Zip(mb.Rows).All(r => InOrder(r.First, r.Second)),
            (Matrix ma, Seq { Kind: SeqKind.Tuple } tb) => Vector(ma) is { } v && InOrder(v, tb.Items),
            (Seq { Kind: SeqKind.Tuple } ta, Matrix mb) => Vector(mb) is { } v && InOrder(ta.Items, v),
            (Ratio ra, Ratio rb) => InOrder(ra.Parts, rb.Parts),
            _ => IsExpression(a) && IsExpression(b) && ExpressionEqual(a, b),
        };
    }

    /// <summary>A matrix of one column or one row is a vector, equal to the tuple of its entries.</summary>
    private static IReadOnlyList<MathNode>? Vector(Matrix m) =>
        m.Rows.Count == 1 ? m.Rows[0] : m.Rows.All(r => r.Count == 1) ? m.Rows.Select(r => r[0]).ToList() : null;

    private static bool IsExpression(MathNode node) => node is Num or Sym or Add or Mul or Neg or Div or Pow or Func;

    /// <summary><c>1 \pm \sqrt{19}</c> is the list of its two values; a list or set with such items holds both.</summary>
    private static MathNode Expanded(MathNode node) => node switch
    {
        Seq { Kind: not SeqKind.Tuple } seq => new Seq(seq.Kind, seq.Items.SelectMany(i => Expanded(i) is Seq { Kind: SeqKind.List } list && MathTree.HasPlusMinus(i) ? list.Items : [i]).ToList()),
        _ when MathTree.HasPlusMinus(node) => new Seq(SeqKind.List, [MathTree.Choose(node, plus: true), MathTree.Choose(node, plus: false)]),
        _ => node,
    };

    private static bool SeqEqual(Seq a, Seq b) => (a.Kind, b.Kind) switch
    {
        // x = 3, y = 4 is the point (3, 4)
        (SeqKind.List, SeqKind.Tuple) when LabelledValues(a) is { } values => InOrder(values, b.Items),
        (SeqKind.Tuple, SeqKind.List) when LabelledValues(b) is { } values => InOrder(a.Items, values),
        (SeqKind.Tuple, SeqKind.Set or SeqKind.List) or (SeqKind.Set or SeqKind.List, SeqKind.Tuple) => false,
        (SeqKind.Tuple, _) or (_, SeqKind.Tuple) => InOrder(a.Items, b.Items),
        _ => Unordered(a.Items, b.Items),
    };

    private static List<MathNode>? LabelledValues(Seq list)
    {
        var values = list.Items.Select(Labels.Value).OfType<MathNode>().ToList();
        return values.Count == list.Items.Count ? values : null;
    }

    private static bool InOrder(IReadOnlyList<MathNode> a, IReadOnlyList<MathNode> b) => a.Count == b.Count && a.Zip(b).All(p => Equal(p.First, p.Second));

    /// <summary>The same values, each matched on the other side (a value written twice counts once).</summary>
    private static bool Unordered(IReadOnlyList<MathNode> a, IReadOnlyList<MathNode> b) =>
        a.Count > 0 && b.Count > 0 && a.All(x => b.Any(y => Equal(x, y))) && b.All(y => a.Any(x => Equal(x, y)));

    /// <summary>(0, 1) is a point and the open interval alike.</summary>
    private static bool OpenPair(Interval interval, Seq seq) =>
        seq is { Kind: SeqKind.Tuple, Items.Count: 2 } && !interval.LowClosed && !interval.HighClosed
        && Equal(interval.Low, seq.Items[0]) && Equal(interval.High, seq.Items[1]);

    private static bool RelationEqual(Relation relation, MathNode other)
    {
        relation = Labels.WithoutApproximation(relation);
        var value = Labels.Value(relation);
        if (other is not Relation otherRelation)
        {
            return value is not null ? Equal(value, other) : Conditions.AsSet(relation) is { } set && Equal(set, other);
        }

        otherRelation = Labels.WithoutApproximation(otherRelation);
        var otherValue = Labels.Value(otherRelation);
        if (value is not null && otherValue is not null && Equal(value, otherValue))
        {
            return true;
        }

        if (relation.Ops.Count == 1 && otherRelation.Ops.Count == 1 && Conditions.SameRelation(relation, otherRelation))
        {
            return true;
        }

        var setA = value is not null && relation.Ops[0] == Relation.In ? value : Conditions.AsSet(relation);
        var setB = otherValue is not null && otherRelation.Ops[0] == Relation.In ? otherValue : Conditions.AsSet(otherRelation);
        return setA is not null && setB is not null && Equal(setA, setB);
    }

    private static bool ExpressionEqual(MathNode a, MathNode b)
    {
        if (MathEvaluator.Exact(a) is { } x && MathEvaluator.Exact(b) is { } y)
        {
            return x == y || Approximates(a, y.ToDouble(), y) || Approximates(b, x.ToDouble(), x);
        }

        var symbols = MathTree.Symbols(a);
        symbols.UnionWith(MathTree.Symbols(b));
        var compared = 0;
        foreach (var values in Samples(symbols))
        {
            if (MathEvaluator.Evaluate(a, values) is not { } va || MathEvaluator.Evaluate(b, values) is not { } vb)
            {
                return false;
            }

            if (IsNaN(va) && IsNaN(vb))
            {
                continue;
            }

            if (!Close(va, vb) && !(symbols.Count == 0 && (Approximates(a, vb.Real) || Approximates(b, va.Real))))
            {
                return false;
            }

            compared++;
        }

        return compared > 0;
    }

    /// <summary>
    /// A decimal of at least <see cref="ApproximationDigits"/> significant digits stands for the value it rounds to its
    /// places: 0.0833333333333333 for 1/12, 4.1231056 for √17; not 0.33 for 1/3, and never one terminating decimal for another.
    /// </summary>
    private static bool Approximates(MathNode node, double value, Rational? exact = null)
    {
        var (num, sign) = node switch
        {
            Num n => (n, 1),
            Neg { Operand: Num n } => (n, -1),
            _ => (null, 0),
        };
        if (num is not { IsDecimal: true } || !double.IsFinite(value))
        {
            return false;
        }

        var scale = BigInteger.Pow(10, num.DecimalPlaces);
        var digits = BigInteger.Abs(num.Value.Numerator * scale / num.Value.Denominator).ToString().Length;
        if (digits < ApproximationDigits)
        {
            return false;
        }

        var written = sign * num.Value.ToDouble();
        if (exact is { } v)
        {
            // |written - v| < half a unit of the last place, in exact arithmetic
            var difference = Rational.Add(sign > 0 ? num.Value : Rational.Negate(num.Value), Rational.Negate(v));
            return BigInteger.Abs(difference.Numerator) * scale * 2 < difference.Denominator;
        }

        return Math.Abs(written - value) < Math.Max(0.5 / (double)scale, 1e-15 * Math.Abs(value));
    }

    /// <summary>The points both sides are evaluated at: one without variables, else <see cref="Points"/> random ones (the same every run).</summary>
    public static IEnumerable<Dictionary<string, Complex>> Samples(IEnumerable<string> symbols)
    {
        var names = symbols.Order(StringComparer.Ordinal).ToList();
        var count = names.Count == 0 ? 1 : Points;
        for (var k = 0; k < count; k++)
        {
            var random = new Random(7919 * (k + 1));
            yield return names.ToDictionary(n => n, _ => new Complex(0.5 + 2 * random.NextDouble(), 0));
        }
    }

    public static bool Close(Complex a, Complex b)
    {
        if (double.IsInfinity(a.Real) || double.IsInfinity(b.Real))
        {
            return a.Real == b.Real;
        }

        return Complex.Abs(a - b) <= Tolerance * Math.Max(1, Math.Max(Complex.Abs(a), Complex.Abs(b)));
    }

    public static bool IsNaN(Complex z) => double.IsNaN(z.Real) || double.IsNaN(z.Imaginary);
}

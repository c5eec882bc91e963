namespace Drp.Core.Answers.Expressions;

/// <summary>Walks and rewrites parsed answers: their parts, free symbols, and the two answers a <c>\pm</c> stands for.</summary>
public static class MathTree
{
    public static IEnumerable<MathNode> Children(MathNode node) => node switch
    {
        Add add => add.Terms,
        Mul mul => mul.Factors,
        Neg neg => [neg.Operand],
        Div div => [div.Numerator, div.Denominator],
        Pow pow => [pow.Base, pow.Exponent],
        Func func => func.Args,
        PlusMinus pm => pm.Left is null ? [pm.Right] : [pm.Left, pm.Right],
        Ratio ratio => ratio.Parts,
        Seq seq => seq.Items,
        Interval interval => [interval.Low, interval.High],
        Union union => union.Parts,
        Matrix matrix => matrix.Rows.SelectMany(r => r),
        Relation relation => relation.Sides,
        _ => [],
    };

    public static IEnumerable<MathNode> Descendants(MathNode node) => Children(node).SelectMany(Descendants).Prepend(node);

    /// <summary>The variables (constants π, e, i and ∞ are not).</summary>
    public static HashSet<string> Symbols(MathNode node) =>
        Descendants(node).OfType<Sym>().Select(s => s.Name).Where(n => n is not (Sym.Pi or Sym.E or Sym.I or Sym.Infinity)).ToHashSet();

    public static bool HasPlusMinus(MathNode node) => Descendants(node).Any(n => n is PlusMinus);

    /// <summary>The node with every <c>a \pm b</c> read as <c>a + b</c> (plus) or <c>a - b</c>.</summary>
    public static MathNode Choose(MathNode node, bool plus) => node switch
    {
        PlusMinus pm => Signed(pm.Left is null ? null : Choose(pm.Left, plus), Choose(pm.Right, plus), plus),
        Add add => new Add(add.Terms.Select(t => Choose(t, plus)).ToList()),
        Mul mul => new Mul(mul.Factors.Select(f => Choose(f, plus)).ToList()),
        Neg neg => new Neg(Choose(neg.Operand, plus)),
        Div div => new Div(Choose(div.Numerator, plus), Choose(div.Denominator, plus)),
        Pow pow => new Pow(Choose(pow.Base, plus), Choose(pow.Exponent, plus)),
        Func func => new Func(func.Name, func.Args.Select(a => Choose(a, plus)).ToList()),
        Seq seq => new Seq(seq.Kind, seq.Items.Select(i => Choose(i, plus)).ToList()),
        Relation relation => new Relation(relation.Sides.Select(s => Choose(s, plus)).ToList(), relation.Ops),
        _ => node,
    };

    private static MathNode Signed(MathNode? left, MathNode right, bool plus)
    {
        var term = plus ? right : new Neg(right);
        return left is null ? term : new Add([left, term]);
    }
}

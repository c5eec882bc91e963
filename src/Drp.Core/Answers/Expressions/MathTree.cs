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
    public static MathNode Choose(MathNode node, bool plus) => node is PlusMinus pm
        ? Signed(pm.Left is null ? null : Choose(pm.Left, plus), Choose(pm.Right, plus), plus)
        : WithChildren(node, child => Choose(child, plus));

    /// <summary>The same node with each child rewritten.</summary>
    public static MathNode WithChildren(MathNode node, Func<MathNode, MathNode> rewrite)
    {
        List<MathNode> All(IEnumerable<MathNode> children) => children.Select(rewrite).ToList();
        return node switch
        {
            Add add => new Add(All(add.Terms)),
            Mul mul => new Mul(All(mul.Factors)),
            Neg neg => new Neg(rewrite(neg.Operand)),
            Div div => new Div(rewrite(div.Numerator), rewrite(div.Denominator)),
            Pow pow => new Pow(rewrite(pow.Base), rewrite(pow.Exponent)),
            Func func => new Func(func.Name, All(func.Args)),
            PlusMinus pm => new PlusMinus(pm.Left is null ? null : rewrite(pm.Left), rewrite(pm.Right)),
            Ratio ratio => new Ratio(All(ratio.Parts)),
            Seq seq => new Seq(seq.Kind, All(seq.Items)),
            Interval interval => interval with { Low = rewrite(interval.Low), High = rewrite(interval.High) },
            Union union => new Union(All(union.Parts)),
            Matrix matrix => new Matrix(matrix.Rows.Select(r => (IReadOnlyList<MathNode>)All(r)).ToList()),
            Relation relation => new Relation(All(relation.Sides), relation.Ops),
            _ => node,
        };
    }

    private static MathNode Signed(MathNode? left, MathNode right, bool plus)
    {
        var term = plus ? right : new Neg(right);
        return left is null ? term : new Add([left, term]);
    }
}

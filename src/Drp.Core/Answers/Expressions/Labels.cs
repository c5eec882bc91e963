namespace Drp.Core.Answers.Expressions;

/// <summary>
/// Answers that name what they give: <c>x = 3</c>, <c>(p,q) = (3,2)</c>, <c>f(x) = 1</c>, <c>|AB| = 1</c>,
/// <c>V_1:V_2 = 11:21</c>, <c>x \in [0, 1)</c>, a worked chain <c>x = 5+5+1 = 11</c> and an approximation
/// <c>x = 1/3 \approx 0.33</c>. The value is what is compared; an equation such as <c>a + 3z = 0</c> has no label.
/// </summary>
public static class Labels
{
    /// <summary>The value a labelled item states, or null when the item is not a labelled value.</summary>
    public static MathNode? Value(MathNode node)
    {
        if (node is not Relation relation)
        {
            return null;
        }

        relation = WithoutApproximation(relation);
        if (relation.Sides.Count >= 3 && relation.Ops.All(op => op == Relation.Eq))
        {
            return relation.Sides[^1];
        }

        return relation.Sides.Count == 2 && relation.Ops[0] is Relation.Eq or Relation.In && IsLabel(relation.Sides[0])
            ? relation.Sides[1]
            : null;
    }

    /// <summary><c>x = 1/3 \approx 0.33</c> states 1/3; <c>x \approx 11</c> states 11.</summary>
    public static Relation WithoutApproximation(Relation relation)
    {
        var at = relation.Ops.ToList().IndexOf(Relation.Approx);
        return at switch
        {
            < 0 => relation,
            0 => new Relation(relation.Sides, relation.Ops.Select((op, i) => i == 0 ? Relation.Eq : op).ToList()),
            _ => new Relation(relation.Sides.Take(at + 1).ToList(), relation.Ops.Take(at).ToList()),
        };
    }

    /// <summary>A name rather than an expression: symbols, function calls, ratios and fractions of them, no numbers, no sums.</summary>
    private static bool IsLabel(MathNode node) => node switch
    {
        Sym => true,
        Mul or Div or Ratio or Func or Seq { Kind: SeqKind.Tuple } => MathTree.Children(node).All(IsLabel),
        _ => false,
    };
}

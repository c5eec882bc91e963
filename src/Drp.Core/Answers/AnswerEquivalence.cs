using Drp.Core.Answers.Expressions;

namespace Drp.Core.Answers;

/// <summary>
/// Decides whether an extracted final answer equals a gold answer: as exact numbers where both are plain numbers (the
/// fast path of most records), else as parsed answers compared by <see cref="MathComparer"/>.
/// </summary>
public static class AnswerEquivalence
{
    public static bool AreEqual(string answer, string gold)
    {
        var a = AnswerNormalizer.Normalize(answer);
        var b = AnswerNormalizer.Normalize(gold);
        if (Rational.TryParse(a, out var x) && Rational.TryParse(b, out var y))
        {
            // A long decimal may still stand for a fraction it approximates (MathComparer.ApproximationDigits).
            if (x == y || !(a.Contains('.') || b.Contains('.')))
            {
                return x == y;
            }
        }

        if (string.Equals(a.Replace(" ", ""), b.Replace(" ", ""), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (AnswerParser.Parse(answer) is not { } parsedAnswer || AnswerParser.Parse(gold) is not { } parsedGold)
        {
            return false;
        }

        // 28% is 28 (the sign dropped) and, against an answer without a percent sign, also 0.28.
        return MathComparer.Equal(parsedAnswer, parsedGold)
            || (HasPercent(answer) && !HasPercent(gold) && MathComparer.Equal(Hundredth(parsedAnswer), parsedGold))
            || (HasPercent(gold) && !HasPercent(answer) && MathComparer.Equal(parsedAnswer, Hundredth(parsedGold)));
    }

    private static bool HasPercent(string text) => text.Contains('%') || text.Contains("percent", StringComparison.OrdinalIgnoreCase);

    private static MathNode Hundredth(MathNode node) => new Div(node, new Num(Rational.FromInteger(100)));
}

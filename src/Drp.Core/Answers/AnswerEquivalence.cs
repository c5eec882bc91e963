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

        return AnswerParser.Parse(answer) is { } parsedAnswer && AnswerParser.Parse(gold) is { } parsedGold
            && MathComparer.Equal(parsedAnswer, parsedGold);
    }
}

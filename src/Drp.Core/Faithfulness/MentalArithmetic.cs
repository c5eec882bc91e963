using System.Numerics;
using Drp.Core.Answers;

namespace Drp.Core.Faithfulness;

/// <summary>
/// Whether a reader gets a number in one easy operation from numbers in view (those the sentence that uses it wrote
/// before it), or from one of them and a constant a reader supplies ("half of 68", "ten times", "a dozen", "20% of 50"):
/// a sum or difference, or a product or quotient with a factor up to 12 or a power of ten. Two numbers already on the
/// page are needed, or one and a constant: two constants reach too much by chance.
/// </summary>
public static class MentalArithmetic
{
    private static readonly Rational[] Constants = [.. new[] { 2, 10, 12, 100 }.Select(n => Rational.FromInteger(n))];

    public static bool Reaches(Rational target, IReadOnlySet<Rational> page)
    {
        foreach (var a in page)
        {
            // a + b, a - b, b - a
            if (OnPage(Rational.Add(target, Rational.Negate(a)), page, a)
                || OnPage(Rational.Add(a, Rational.Negate(target)), page, a)
                || OnPage(Rational.Add(a, target), page, a))
            {
                return true;
            }

            if (a.Numerator.IsZero || target.Numerator.IsZero)
            {
                continue;
            }

            // a * b, a / b, b / a, with a small factor or divisor
            if (Small(Rational.Divide(target, a)) && OnPageOrConstant(Rational.Divide(target, a), page, a)
                || Small(a) && OnPage(Rational.Divide(target, a), page, a)
                || Small(Rational.Divide(a, target)) && OnPageOrConstant(Rational.Divide(a, target), page, a)
                || Small(a) && OnPage(Rational.Multiply(target, a), page, a))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>On the page and not <paramref name="other"/> again, except a square from 4 × 4 to 12 × 12 (11 * 11 = 121).</summary>
    private static bool OnPage(Rational value, IReadOnlySet<Rational> page, Rational other) =>
        (value != other || (Small(value) && value.Denominator.IsOne && value.Numerator >= 4)) && page.Contains(value);

    private static bool OnPageOrConstant(Rational value, IReadOnlySet<Rational> page, Rational other) =>
        value != other && (page.Contains(value) || Constants.Contains(value));

    /// <summary>
    /// A factor a reader multiplies or divides by in the head: a whole number up to 12, one with a single significant
    /// digit (20, 400, 3000), a half or a quarter.
    /// </summary>
    private static bool Small(Rational value) =>
        value.Denominator.IsOne ? value.Numerator > 0 && (value.Numerator <= 12 || OneSignificantDigit(value.Numerator))
            : value.Numerator.IsOne && value.Denominator <= 4;

    private static bool OneSignificantDigit(BigInteger n)
    {
        while (n >= 10 && n % 10 == 0)
        {
            n /= 10;
        }

        return n < 10;
    }
}

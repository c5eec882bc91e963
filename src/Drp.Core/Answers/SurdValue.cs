using System.Numerics;
using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>
/// A rational multiple of one simple irrational: √n (n square-free) or π, so that <c>2\sqrt{3}</c>, <c>\sqrt{12}</c>
/// and <c>\frac{4\sqrt3}{2}</c> compare equal, and <c>\frac{\pi}{2}</c> equals <c>\pi/2</c>.
/// </summary>
public readonly partial record struct SurdValue(Rational Coefficient, string Basis)
{
    private const string One = "1";
    private const string Pi = "pi";

    /// <param name="text">A normalised answer (see <see cref="AnswerNormalizer"/>).</param>
    public static bool TryParse(string text, out SurdValue value)
    {
        value = default;
        var s = text.Replace(" ", "").Replace("π", @"\pi").Replace(@"\cdot", "");
        var sign = s.StartsWith('-') ? -1 : 1;
        s = s.TrimStart('+', '-');
        if (Fraction().Match(s) is { Success: true } fraction)
        {
            if (!TryTerm(fraction.Groups["num"].Value, out var numerator) || !TryTerm(fraction.Groups["den"].Value, out var denominator)
                || !TryDivide(numerator, denominator, out value))
            {
                return false;
            }

            // \frac{3}{4}\pi: a rational fraction times the irrational after it.
            if (fraction.Groups["tail"].Success)
            {
                if (value.Basis != One || !TryTerm(fraction.Groups["tail"].Value, out var tail))
                {
                    return false;
                }

                value = tail with { Coefficient = Rational.Multiply(value.Coefficient, tail.Coefficient) };
            }
        }
        else if (!TryTerm(s, out value))
        {
            return false;
        }

        if (sign < 0)
        {
            value = value with { Coefficient = Rational.Negate(value.Coefficient) };
        }

        return value.Basis != One;
    }

    private static bool TryTerm(string text, out SurdValue value)
    {
        value = default;
        var match = Term().Match(text);
        if (!match.Success || text.Length == 0)
        {
            return false;
        }

        var coefficient = Rational.One;
        if (match.Groups["coef"].Success && !Rational.TryParse(match.Groups["coef"].Value, out coefficient))
        {
            return false;
        }

        if (match.Groups["pi"].Success)
        {
            value = new SurdValue(coefficient, Pi);
            return true;
        }

        if (!match.Groups["rad"].Success)
        {
            value = new SurdValue(coefficient, One);
            return match.Groups["coef"].Success;
        }

        var radicand = BigInteger.Parse(match.Groups["rad"].Value);
        var outside = BigInteger.One;
        for (BigInteger k = 2; k * k <= radicand; k++)
        {
            while (radicand % (k * k) == 0)
            {
                radicand /= k * k;
                outside *= k;
            }
        }

        coefficient = Rational.Multiply(coefficient, Rational.FromInteger(outside));
        value = new SurdValue(coefficient, radicand.IsOne ? One : $"sqrt{radicand}");
        return true;
    }

    private static bool TryDivide(SurdValue numerator, SurdValue denominator, out SurdValue value)
    {
        value = default;
        if (denominator.Coefficient.Numerator.IsZero)
        {
            return false;
        }

        var ratio = Rational.Divide(numerator.Coefficient, denominator.Coefficient);
        if (denominator.Basis == One)
        {
            value = new SurdValue(ratio, numerator.Basis);
        }
        else if (numerator.Basis == denominator.Basis)
        {
            value = new SurdValue(ratio, One);
        }
        else if (numerator.Basis == One && denominator.Basis.StartsWith("sqrt", StringComparison.Ordinal))
        {
            // a / (b√m) = a√m / (b·m)
            var m = BigInteger.Parse(denominator.Basis[4..]);
            value = new SurdValue(Rational.Divide(ratio, Rational.FromInteger(m)), denominator.Basis);
        }
        else
        {
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"^\\frac\{(?<num>(?:[^{}]|\{[^{}]*\})*)\}\{(?<den>(?:[^{}]|\{[^{}]*\})*)\}(?<tail>\\pi|\\sqrt\{\d+\}|\\sqrt\d)?$|^(?<num>[^/]+)/(?<den>[^/]+)$")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"^(?<coef>\d+(?:\.\d+)?)?(?:\\sqrt\{(?<rad>\d+)\}|\\sqrt(?<rad>\d)|(?<pi>\\pi))?$")]
    private static partial Regex Term();
}

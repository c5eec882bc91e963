using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>An exact fraction, so that 0.75, 3/4 and \frac{3}{4} compare equal without rounding.</summary>
public readonly partial record struct Rational
{
    private Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            (numerator, denominator) = (-numerator, -denominator);
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        Numerator = gcd.IsZero ? numerator : numerator / gcd;
        Denominator = gcd.IsZero ? denominator : denominator / gcd;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    /// <summary>
    /// Reads an integer, a decimal, <c>a/b</c>, <c>\frac{a}{b}</c> (already normalised from \dfrac, \tfrac), a mixed
    /// number (<c>1\frac{1}{2}</c>, <c>1 1/2</c>), with an optional sign. Thousands separators must be gone already.
    /// </summary>
    public static bool TryParse(string text, out Rational value)
    {
        value = default;
        var match = FractionPattern().Match(text);
        if (match.Success)
        {
            if (!TryDecimal(match.Groups["num"].Value, out var numerator) || !TryDecimal(match.Groups["den"].Value, out var denominator)
                || denominator.Numerator.IsZero)
            {
                return false;
            }

            var fraction = Divide(numerator, denominator);
            var whole = match.Groups["whole"].Success ? BigInteger.Parse(match.Groups["whole"].Value, CultureInfo.InvariantCulture) : BigInteger.Zero;
            fraction = new Rational(whole * fraction.Denominator + fraction.Numerator, fraction.Denominator);
            value = match.Groups["sign"].Value == "-" ? new Rational(-fraction.Numerator, fraction.Denominator) : fraction;
            return true;
        }

        return TryDecimal(text, out value);
    }

    private static bool TryDecimal(string text, out Rational value)
    {
        value = default;
        var match = DecimalPattern().Match(text);
        if (!match.Success || !text.Any(char.IsAsciiDigit))
        {
            return false;
        }

        // Never empty: the text has a digit, and the pattern puts every digit in one of the two groups.
        var numerator = BigInteger.Parse(match.Groups["int"].Value + match.Groups["frac"].Value, CultureInfo.InvariantCulture);
        var denominator = BigInteger.Pow(10, match.Groups["frac"].Length);
        value = new Rational(match.Groups["sign"].Value == "-" ? -numerator : numerator, denominator);
        return true;
    }

    public static Rational One { get; } = new(BigInteger.One, BigInteger.One);

    public static Rational FromInteger(BigInteger value) => new(value, BigInteger.One);

    public static Rational Negate(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational Multiply(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational Divide(Rational a, Rational b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static Rational Zero { get; } = new(BigInteger.Zero, BigInteger.One);

    public static Rational Add(Rational a, Rational b) => new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>a to a whole power (negative powers of a non-zero value too).</summary>
    public static Rational Power(Rational a, int exponent) => exponent >= 0
        ? new(BigInteger.Pow(a.Numerator, exponent), BigInteger.Pow(a.Denominator, exponent))
        : new(BigInteger.Pow(a.Denominator, -exponent), BigInteger.Pow(a.Numerator, -exponent));

    public double ToDouble()
    {
        var quotient = (double)Numerator / (double)Denominator;
        return double.IsFinite(quotient) ? quotient
            : System.Math.Exp(BigInteger.Log(BigInteger.Abs(Numerator)) - BigInteger.Log(Denominator)) * Numerator.Sign;
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?:(?<int>\d*)(?:\.(?<frac>\d+))?|(?<int>\d+)\.)$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^(?<sign>[+-]?)(?:(?:(?<whole>\d+)\s*)?\\frac\{(?<num>[\d.]+)\}\{(?<den>[\d.]+)\}|(?:(?<whole>\d+)\s*)?\\frac(?<num>\d)(?<den>\d)|(?:(?<whole>\d+)\s+)?(?<num>[\d.]+)/(?<den>[\d.]+))$")]
    private static partial Regex FractionPattern();
}

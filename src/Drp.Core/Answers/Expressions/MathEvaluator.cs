using System.Numerics;

namespace Drp.Core.Answers.Expressions;

/// <summary>
/// The value of an expression: exactly, as a fraction, where it has only rational operations; otherwise as a complex
/// number with its variables given values. Null where it has no value (an unknown function, a sum, a tuple).
/// </summary>
public static class MathEvaluator
{
    private const int MaxExactExponent = 64;

    public static Rational? Exact(MathNode node)
    {
        switch (node)
        {
            case Num num:
                return num.Value;
            case Neg neg:
                return Exact(neg.Operand) is { } value ? Rational.Negate(value) : null;
            case Add add:
                var sum = Rational.Zero;
                foreach (var term in add.Terms)
                {
                    if (Exact(term) is not { } t)
                    {
                        return null;
                    }

                    sum = Rational.Add(sum, t);
                }

                return sum;
            case Mul mul:
                var product = Rational.One;
                foreach (var factor in mul.Factors)
                {
                    if (Exact(factor) is not { } f)
                    {
                        return null;
                    }

                    product = Rational.Multiply(product, f);
                }

                return product;
            case Div div:
                return Exact(div.Numerator) is { } n && Exact(div.Denominator) is { } d && !d.Numerator.IsZero ? Rational.Divide(n, d) : null;
            case Pow pow:
                if (Exact(pow.Base) is { } b && Exact(pow.Exponent) is { Denominator.IsOne: true } e
                    && BigInteger.Abs(e.Numerator) <= MaxExactExponent && !(b.Numerator.IsZero && e.Numerator.Sign < 0))
                {
                    return Rational.Power(b, (int)e.Numerator);
                }

                return null;
            default:
                return null;
        }
    }

    public static Complex? Evaluate(MathNode node, IReadOnlyDictionary<string, Complex> values)
    {
        switch (node)
        {
            case Num num:
                return num.Value.ToDouble();
            case Sym sym:
                return sym.Name switch
                {
                    Sym.Pi => Math.PI,
                    Sym.E => Math.E,
                    Sym.I => Complex.ImaginaryOne,
                    Sym.Infinity => double.PositiveInfinity,
                    _ => values.TryGetValue(sym.Name, out var value) ? value : null,
                };
            case Neg neg:
                return -Evaluate(neg.Operand, values);
            case Add add:
                Complex sum = 0;
                foreach (var term in add.Terms)
                {
                    if (Evaluate(term, values) is not { } t)
                    {
                        return null;
                    }

                    sum += t;
                }

                return sum;
            case Mul mul:
                Complex product = 1;
                foreach (var factor in mul.Factors)
                {
                    if (Evaluate(factor, values) is not { } f)
                    {
                        return null;
                    }

                    product *= f;
                }

                return product;
            case Div div:
                return Evaluate(div.Numerator, values) is { } n && Evaluate(div.Denominator, values) is { } d ? n / d : null;
            case Pow pow:
                return Evaluate(pow.Base, values) is { } b && Evaluate(pow.Exponent, values) is { } e ? Power(b, e) : null;
            case Func func:
                var args = new List<Complex>();
                foreach (var arg in func.Args)
                {
                    if (Evaluate(arg, values) is not { } a)
                    {
                        return null;
                    }

                    args.Add(a);
                }

                return Call(func.Name, args);
            default:
                return null;
        }
    }

    /// <summary>Real powers stay real: (-8)^(1/3) is -2 and (-2)^2 is 4, not complex numbers with rounding noise.</summary>
    private static Complex Power(Complex b, Complex e)
    {
        if (b.Imaginary == 0 && e.Imaginary == 0)
        {
            // -4 is (-4, -0) after a negation: the principal root of (-4)^(1/2) is 2i, not the -2i of a -0 imaginary part.
            b = new Complex(b.Real, 0);
            if (b.Real >= 0 || double.IsInteger(e.Real))
            {
                return Math.Pow(b.Real, e.Real);
            }

            if (double.IsInteger(1 / e.Real) && Math.Abs(1 / e.Real) % 2 == 1)
            {
                return -Math.Pow(-b.Real, e.Real);
            }
        }

        return Complex.Pow(b, e);
    }

    private static Complex? Call(string name, List<Complex> args)
    {
        var x = args[0];
        return (name, args.Count) switch
        {
            ("sqrt", 1) => x.Imaginary == 0 && x.Real >= 0 ? Math.Sqrt(x.Real) : Complex.Sqrt(x),
            ("root", 2) => Power(x, 1 / args[1]),
            ("abs", 1) => Complex.Abs(x),
            ("sin", 1) => Complex.Sin(x),
            ("cos", 1) => Complex.Cos(x),
            ("tan", 1) => Complex.Tan(x),
            ("sec", 1) => 1 / Complex.Cos(x),
            ("csc", 1) => 1 / Complex.Sin(x),
            ("cot", 1) => 1 / Complex.Tan(x),
            ("arcsin", 1) => Complex.Asin(x),
            ("arccos", 1) => Complex.Acos(x),
            ("arctan", 1) => Complex.Atan(x),
            ("sinh", 1) => Complex.Sinh(x),
            ("cosh", 1) => Complex.Cosh(x),
            ("tanh", 1) => Complex.Tanh(x),
            ("ln" or "log", 1) => Complex.Log(x),
            ("log", 2) => Complex.Log(x) / Complex.Log(args[1]),
            ("exp", 1) => Complex.Exp(x),
            ("floor", 1) when x.Imaginary == 0 => Math.Floor(x.Real),
            ("ceil", 1) when x.Imaginary == 0 => Math.Ceiling(x.Real),
            ("fact", 1) => Factorial(x),
            ("binom", 2) => Factorial(x) is { } n && Factorial(args[1]) is { } k && Factorial(x - args[1]) is { } rest ? n / (k * rest) : null,
            _ => null,
        };
    }

    private static Complex? Factorial(Complex x)
    {
        if (x.Imaginary != 0 || !double.IsInteger(x.Real) || x.Real is < 0 or > 170)
        {
            return null;
        }

        var product = 1.0;
        for (var k = 2; k <= (int)x.Real; k++)
        {
            product *= k;
        }

        return product;
    }
}

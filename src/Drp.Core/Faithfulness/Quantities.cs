using System.Text.RegularExpressions;
using Drp.Core.Answers;

namespace Drp.Core.Faithfulness;

/// <summary>
/// A number as a text writes it: where it stands (in <see cref="MathText"/> form), its exact value, and whether it is a
/// percentage ("20%", written "(20/100)" in <see cref="MathText"/> form, is 20 and also 0.2).
/// </summary>
public readonly record struct Quantity(int At, string Written, Rational Value, bool IsPercent)
{
    /// <summary>Digits after the decimal point as written: "2.50" has 2.</summary>
    public int DecimalPlaces => Written.IndexOf('.') is var point and >= 0 ? Written.Length - point - 1 : 0;

    /// <summary>A percentage as the fraction it stands for: 20% is 0.2.</summary>
    public Rational Fraction => Rational.Divide(Value, Rational.FromInteger(100));
}

/// <summary>
/// The numbers of a text, with their values: digits (thousands separators, money signs and trailing zeros do not
/// change a value), and, for the sources a pruned text is read against, numbers in words ("twenty-five", "a dozen",
/// "half"), simple fractions ("3/4" is also 0.75) and percentages ("20%" is also 0.2).
/// </summary>
public static partial class Quantities
{
    /// <summary>The numbers written in digits in a <see cref="MathText"/> sentence, in order.</summary>
    public static List<Quantity> In(string text)
    {
        var quantities = new List<Quantity>();
        foreach (var match in Digits().EnumerateMatches(text))
        {
            var digits = text.AsSpan(match.Index, match.Length);
            if (Parse(digits) is { } value)
            {
                var percent = match.Index > 0 && text[match.Index - 1] == '(' && text.AsSpan(match.Index + match.Length).StartsWith("/100)");
                quantities.Add(new Quantity(match.Index, digits.ToString(), value, percent));
            }
        }

        return quantities;
    }

    /// <summary>Every value a source text gives: its numbers in digits and in words, and its simple fractions.</summary>
    public static void AddValues(string text, HashSet<Rational> values)
    {
        var math = MathText.Of(text);
        foreach (var quantity in In(math))
        {
            values.Add(quantity.Value);
            if (quantity.IsPercent)
            {
                values.Add(quantity.Fraction);
            }
        }

        if (math.Contains('/'))
        {
            foreach (Match fraction in SimpleFraction().Matches(math))
            {
                if (Rational.TryParse(fraction.Value.Replace(" ", ""), out var value))
                {
                    values.Add(value);
                }
            }
        }

        AddWords(text, values);
    }

    /// <summary>"1200", "4.50": digits with at most one decimal point, read without a detour through text patterns.</summary>
    private static Rational? Parse(ReadOnlySpan<char> digits)
    {
        var point = digits.IndexOf('.');
        var decimals = point < 0 ? 0 : digits.Length - point - 1;
        if (digits.Length - (point < 0 ? 0 : 1) > 18)
        {
            return Rational.TryParse(digits.ToString(), out var large) ? large : null;
        }

        long whole = 0;
        foreach (var c in digits)
        {
            whole = c == '.' ? whole : whole * 10 + (c - '0');
        }

        var value = Rational.FromInteger(whole);
        return decimals == 0 ? value : Rational.Divide(value, Rational.FromInteger(System.Numerics.BigInteger.Pow(10, decimals)));
    }

    /// <summary>The values of the numbers a text writes in words ("three boxes", "twenty-five", "a dozen").</summary>
    public static void AddWords(string text, HashSet<Rational> values)
    {
        if (!text.AsSpan().ContainsAny(WordStarts))
        {
            return;
        }

        foreach (Match word in NumberWord().Matches(text))
        {
            if (WordValue(word) is { } value)
            {
                values.Add(value);
            }
        }
    }

    /// <summary>What every number word holds: a text without any of them has none.</summary>
    private static readonly System.Buffers.SearchValues<string> WordStarts = System.Buffers.SearchValues.Create(
        ["zero", "one", "two", "thr", "four", "five", "six", "seven", "eigh", "nine", "ten", "eleven", "twel", "fif", "twenty", "forty",
         "dozen", "twice", "double", "triple", "half", "quarter", "third"], StringComparison.OrdinalIgnoreCase);

    private static Rational? WordValue(Match word)
    {
        var total = 0;
        foreach (var part in word.Value.ToLowerInvariant().Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "hundred" || part == "thousand" || part == "million")
            {
                total = Math.Max(1, total) * (part == "hundred" ? 100 : part == "thousand" ? 1000 : 1_000_000);
            }
            else if (Words.TryGetValue(part, out var value))
            {
                if (value is { Denominator.IsOne: false })
                {
                    return value;
                }

                total += (int)value.Numerator;
            }
        }

        return Rational.FromInteger(total);
    }

    private static readonly Dictionary<string, Rational> Words = new(StringComparer.Ordinal)
    {
        ["zero"] = Rational.FromInteger(0), ["one"] = Rational.FromInteger(1), ["two"] = Rational.FromInteger(2), ["three"] = Rational.FromInteger(3),
        ["four"] = Rational.FromInteger(4), ["five"] = Rational.FromInteger(5), ["six"] = Rational.FromInteger(6), ["seven"] = Rational.FromInteger(7),
        ["eight"] = Rational.FromInteger(8), ["nine"] = Rational.FromInteger(9), ["ten"] = Rational.FromInteger(10), ["eleven"] = Rational.FromInteger(11),
        ["twelve"] = Rational.FromInteger(12), ["thirteen"] = Rational.FromInteger(13), ["fourteen"] = Rational.FromInteger(14),
        ["fifteen"] = Rational.FromInteger(15), ["sixteen"] = Rational.FromInteger(16), ["seventeen"] = Rational.FromInteger(17),
        ["eighteen"] = Rational.FromInteger(18), ["nineteen"] = Rational.FromInteger(19), ["twenty"] = Rational.FromInteger(20),
        ["thirty"] = Rational.FromInteger(30), ["forty"] = Rational.FromInteger(40), ["fifty"] = Rational.FromInteger(50),
        ["sixty"] = Rational.FromInteger(60), ["seventy"] = Rational.FromInteger(70), ["eighty"] = Rational.FromInteger(80),
        ["ninety"] = Rational.FromInteger(90), ["dozen"] = Rational.FromInteger(12), ["twice"] = Rational.FromInteger(2),
        ["double"] = Rational.FromInteger(2), ["triple"] = Rational.FromInteger(3), ["half"] = Rational.Divide(Rational.One, Rational.FromInteger(2)),
        ["quarter"] = Rational.Divide(Rational.One, Rational.FromInteger(4)), ["third"] = Rational.Divide(Rational.One, Rational.FromInteger(3)),
    };

    // A number in digits, not part of a word or a name ("3rd", "x2", "a_1").
    [GeneratedRegex(@"(?<![\w.])\d+(?:\.\d+)?(?![\w])")]
    private static partial Regex Digits();

    [GeneratedRegex(@"(?<![\w.])\d+\s*/\s*\d+(?![\w.])")]
    private static partial Regex SimpleFraction();

    private static readonly string[] Units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>
    /// A number in words, built from the one list of them (<see cref="Words"/>): "seven", "twenty-five", "three hundred",
    /// "a dozen", "half".
    /// </summary>
    private static readonly Regex NumberWordPattern = new(
        $@"\b(?:{string.Join("|", Words.Keys.OrderByDescending(w => w.Length))})(?:[- ](?:{string.Join("|", Units)}))?(?:\s+(?:hundred|thousand|million))?\b",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static Regex NumberWord() => NumberWordPattern;
}

using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>
/// Whether a reasoning arrives at an answer: the answer's value is written in it (as a number, a fraction or the
/// same expression), so that "The answer is X" after it concludes what was derived rather than announces a result the
/// reasoning never had. Lenient on notation (a sign, thousands separators, <c>\frac</c>, spacing), never on the value.
/// </summary>
public static partial class AnswerReach
{
    public static bool Reaches(string reasoning, string answer)
    {
        var normalized = AnswerNormalizer.Normalize(answer);
        if (normalized.Length == 0)
        {
            return false;
        }

        if (Rational.TryParse(normalized.TrimStart('+'), out var value))
        {
            return WrittenAsInteger(reasoning, value) || NumbersIn(reasoning).Any(n => n == value || n == Rational.Negate(value));
        }

        var text = AnswerNormalizer.Normalize(reasoning);
        return normalized.All(char.IsLetter)
            ? ContainsAsWhole(text, normalized)
            : Compact(text).Contains(Compact(normalized), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A word stands in the text with no letter or digit glued to it: "E" is not in "Ellipse", it is in "(E)".</summary>
    private static bool ContainsAsWhole(string text, string part)
    {
        for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + part.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A whole number written as its digits, standing alone (the common case, found without parsing every number).</summary>
    private static bool WrittenAsInteger(string text, Rational value)
    {
        if (!value.Denominator.IsOne)
        {
            return false;
        }

        var digits = System.Numerics.BigInteger.Abs(value.Numerator).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var at = text.IndexOf(digits, StringComparison.Ordinal); at >= 0; at = text.IndexOf(digits, at + 1, StringComparison.Ordinal))
        {
            var end = at + digits.Length;
            if ((at == 0 || !(char.IsAsciiDigit(text[at - 1]) || text[at - 1] is '.' or ','))
                && (end == text.Length || !(char.IsAsciiDigit(text[end]) || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every number of the text, fractions (<c>\frac{3}{4}</c>, <c>3/4</c>) also as one value, signs dropped.</summary>
    private static IEnumerable<Rational> NumbersIn(string text)
    {
        var plain = text.Replace(@",\!", ",").Replace("{,}", ",").Replace(@"\dfrac", @"\frac").Replace(@"\tfrac", @"\frac");
        foreach (Match match in NumberPattern().Matches(plain))
        {
            var number = match.Groups["frac"].Success
                ? $@"\frac{{{match.Groups["num"].Value}}}{{{match.Groups["den"].Value}}}"
                : match.Groups["slash"].Success ? $"{match.Groups["num2"].Value}/{match.Groups["den2"].Value}" : match.Value.Replace(",", "");
            if (Rational.TryParse(number, out var value))
            {
                yield return value;
            }

            if (!match.Groups["plain"].Success)
            {
                // The parts of a fraction are numbers of the text too.
                foreach (Match part in PlainNumber().Matches(match.Value))
                {
                    if (Rational.TryParse(part.Value.Replace(",", ""), out var partValue))
                    {
                        yield return partValue;
                    }
                }
            }
        }
    }

    private static string Compact(string text) => text.Replace(" ", "").Replace("{", "").Replace("}", "");

    [GeneratedRegex(@"(?<frac>\\frac\s*\{\s*(?<num>\d+(?:\.\d+)?)\s*\}\s*\{\s*(?<den>\d+(?:\.\d+)?)\s*\})|(?<slash>(?<num2>\d+(?:\.\d+)?)\s*/\s*(?<den2>\d+(?:\.\d+)?))|(?<plain>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?")]
    private static partial Regex PlainNumber();
}

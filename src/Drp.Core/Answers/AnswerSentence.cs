using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>The closing sentence of a pruned trace, as the DRP method writes it.</summary>
public static partial class AnswerSentence
{
    /// <summary>
    /// "The answer is 60." for a number (money signs, units, LaTeX spacing and trailing zeros dropped: <c>\$1,\!100.00</c>
    /// is 1100), plain text as it reads once its LaTeX wrappers are gone (<c>\text{Navin}</c> is Navin), mathematics
    /// inside <c>$…$</c>.
    /// </summary>
    public static string For(string answer)
    {
        var normalized = AnswerNormalizer.Normalize(answer);
        if (Rational.TryParse(normalized, out _) && !normalized.Contains('\\'))
        {
            return $"The answer is {WithoutTrailingZeros(normalized)}.";
        }

        return Latex().IsMatch(normalized) ? $"The answer is ${answer.Trim().Trim('$').Trim()}$." : $"The answer is {normalized.TrimEnd('.')}.";
    }

    private static string WithoutTrailingZeros(string number) =>
        number.Contains('.') && !number.Contains('/') ? number.TrimEnd('0').TrimEnd('.') : number;

    [GeneratedRegex(@"[\\^_{}]")]
    private static partial Regex Latex();
}

using System.Text.RegularExpressions;

namespace Drp.Core.Answers;

/// <summary>Strips the notation that does not change a final answer: LaTeX spacing and wrappers, units, signs of money.</summary>
public static partial class AnswerNormalizer
{
    /// <summary>The answer without notation, white space runs as one space.</summary>
    public static string Normalize(string answer)
    {
        var s = answer.Trim().Replace('−', '-');
        if (AnswerExtractor.LastBoxed(s) is { } boxed && s.TrimStart('$', ' ').StartsWith(@"\boxed", StringComparison.Ordinal))
        {
            s = boxed;
        }

        s = TextCommandPattern().Replace(s, "$1");
        s = s.Replace(@"\dfrac", @"\frac").Replace(@"\tfrac", @"\frac").Replace(@"\frac{-", @"-\frac{").Replace("{,}", ",");
        s = ShortFractionPattern().Replace(s, m => $@"\frac{{{Braced(m.Groups[1].Value)}}}{{{Braced(m.Groups[2].Value)}}}");
        foreach (var noise in Noise)
        {
            s = s.Replace(noise, "", StringComparison.Ordinal);
        }

        s = DegreesPattern().Replace(s, "");
        s = VariablePrefixPattern().Replace(s, "");
        s = ChoicePattern().Replace(s, "$1");
        s = ThousandsPattern().Replace(s, "");
        s = s.Trim().TrimEnd('.').Trim();
        if (LeadingNumberWithWordsPattern().Match(s) is { Success: true } number)
        {
            s = number.Groups[1].Value;
        }

        return WhitespacePattern().Replace(s, " ");
    }

    private static string Braced(string part) => part.StartsWith('{') ? part[1..^1] : part;

    // \frac 59, \frac9{19}, \frac{1}2: a fraction whose parts are single digits without braces.
    [GeneratedRegex(@"\\frac\s*(\{[^{}]*\}|\d)\s*(\{[^{}]*\}|\d)")]
    private static partial Regex ShortFractionPattern();

    // A multiple-choice answer: "(E)", "(E) Cylinder", "(E)\ 12".
    [GeneratedRegex(@"^\(([A-E])\)(?:\s*[^\s)].*)?$")]
    private static partial Regex ChoicePattern();

    private static readonly string[] Noise =
    [
        @"\left", @"\right", @"\!", @"\,", @"\;", @"\:", @"\ ", @"\displaystyle", @"\$", @"\%", "$", "%", "~",
        @"\(", @"\)", @"\[", @"\]", @"\{", @"\}",
    ];

    [GeneratedRegex(@"\\(?:text|textbf|mathrm|mathbf|mbox|operatorname)\s*\{([^{}]*)\}")]
    private static partial Regex TextCommandPattern();

    [GeneratedRegex(@"\^\s*\{?\s*\\circ\s*\}?|°")]
    private static partial Regex DegreesPattern();

    [GeneratedRegex(@"^\s*[a-zA-Z]\s*(?:=|\\in)\s*(?=\S)")]
    private static partial Regex VariablePrefixPattern();

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))")]
    private static partial Regex ThousandsPattern();

    // "180 meters", "18.00 dollars", "5 apples each": a number followed by words only.
    // A unit is a word of two letters or more: "5r^5", "2k" and "-2x" are expressions, not units.
    [GeneratedRegex(@"^([+-]?\d+(?:\.\d+)?)\s*[a-zA-Z]{2,}[a-zA-Z\s.'/-]*(?:\^\{?\d\}?)?$")]
    private static partial Regex LeadingNumberWithWordsPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

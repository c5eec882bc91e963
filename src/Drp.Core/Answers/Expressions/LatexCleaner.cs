using System.Text.RegularExpressions;

namespace Drp.Core.Answers.Expressions;

/// <summary>
/// Removes from an answer's text what never changes its value, before it is parsed: math delimiters, spacing,
/// sizing, <c>\text{}</c> wrappers (their words stay), degree, percent and money signs, digit-group separators that
/// cannot be list commas (<c>14{,}916</c>, <c>11,\!111</c>), and Unicode symbols written as their commands.
/// </summary>
public static partial class LatexCleaner
{
    private static readonly (string From, string To)[] Replacements =
    [
        ("−", "-"), ("–", "-"), ("≤", @"\le "), ("≥", @"\ge "), ("≠", @"\ne "), ("π", @"\pi "), ("√", @"\sqrt"), ("∞", @"\infty "),
        ("×", @"\times "), ("·", @"\cdot "), ("∪", @"\cup "), ("±", @"\pm "), ("∈", @"\in "), ("°", ""), ("\\$", ""), ("$", ""), ("\\\"", ""), ("\"", ""),
        (@"\mathbb{R}", @"(-\infty, \infty)"), (@"\mathbb R", @"(-\infty, \infty)"), (@"\lvert", "|"), (@"\rvert", "|"), (@"\vert", "|"), (@"\dfrac", @"\frac"), (@"\tfrac", @"\frac"), (@"\cfrac", @"\frac"), (@"\dbinom", @"\binom"), (@"\tbinom", @"\binom"),
        (@"\qquad", " "), (@"\quad", " "), (@"\displaystyle", ""), (@"\%", ""), ("%", ""), (@"\!", ""), (@"\,", " "), (@"\;", " "),
        (@"\:", " "), (@"\ ", " "), ("~", " "), (@"\(", " "), (@"\)", " "), (@"\[", " "), (@"\]", " "),
    ];

    /// <summary>The first characters of <see cref="Replacements"/>: an answer without any (most plain numbers) skips them.</summary>
    private static readonly System.Buffers.SearchValues<char> Replaced = System.Buffers.SearchValues.Create(
        string.Concat(Replacements.Select(r => r.From[0]).Distinct()));

    public static string Clean(string answer)
    {
        // A row break \\ is kept from the replacements of \, and \ (spacing).
        const string RowBreak = "\u0001";
        var s = DoubledBackslash().Replace(answer, @"\").Replace(@"\\", RowBreak, StringComparison.Ordinal);
        s = Grouping().Replace(s, "");
        if (s.AsSpan().ContainsAny(Replaced))
        {
            foreach (var (from, to) in Replacements)
            {
                s = s.Replace(from, to, StringComparison.Ordinal);
            }
        }

        s = s.Replace(RowBreak, @" \\ ", StringComparison.Ordinal);

        for (var pass = 0; pass < 3 && TextCommand().IsMatch(s); pass++)
        {
            s = TextCommand().Replace(s, " $1 ");
        }

        s = Sizing().Replace(s, "");
        s = Scientific().Replace(s, @"$1\times10^{$2}");
        s = Degrees().Replace(s, "");
        return s.Trim().TrimEnd('.', ' ').Trim();
    }

    // \\frac and \\left in text that was escaped twice.
    [GeneratedRegex(@"(?<!\\)\\\\(?=[a-zA-Z]{2})")]
    private static partial Regex DoubledBackslash();

    // 14{,}916 and 11,\! 111: a separator between digit groups.
    [GeneratedRegex(@"(?<=\d)(?:\{,\}|,\\!\s*)(?=\d{3})")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"\\(?:text|textbf|textit|textrm|textnormal|textsf|mathrm|mathbf|mathit|mathsf|mathbb|mbox|operatorname|boldsymbol|hbox)\s*\{([^{}]*)\}")]
    private static partial Regex TextCommand();

    [GeneratedRegex(@"\\(?:left|right|middle|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![a-zA-Z])")]
    private static partial Regex Sizing();

    // 1e-3, 2.5E6: a number in scientific notation written as plain text.
    [GeneratedRegex(@"(?<![\w.\\])(\d+(?:\.\d+)?)[eE]([+-]?\d+)(?![\w.])")]
    private static partial Regex Scientific();

    [GeneratedRegex(@"\^\s*\{?\s*\\circ\s*\}?|\\circ|\\degree")]
    private static partial Regex Degrees();
}

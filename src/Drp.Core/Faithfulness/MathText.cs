using System.Text.RegularExpressions;

namespace Drp.Core.Faithfulness;

/// <summary>
/// A sentence rewritten so that its arithmetic reads as symbols: "8 times 30, which is 240" → "8 * 30 ≐ 240",
/// "half of 68 is 34" → "1/2 * 68 ≐ 34", "20% of $50" → "(20/100) * 50", "\frac{3}{4} \times 20 = 15" →
/// "((3)/(4)) * 20 = 15". Equality written as a word becomes ≐ (it claims a result only after an operation), "=" stays,
/// "≈" and <c>\approx</c> become ≈, and other relations (≠, &lt;, ≤) break a chain.
/// </summary>
public static partial class MathText
{
    /// <summary>Equality written in words ("is", "which is", "equals", "gives", "that's").</summary>
    public const char WordEquals = '≐';

    public const char Approximately = '≈';

    private static readonly (string From, string To)[] Symbols =
    [
        ("\\$", ""), ("$", ""), ("€", ""), ("£", ""), ("\\left", ""), ("\\right", ""), ("\\!", ""), ("\\,", " "),
        ("×", " * "), ("·", " * "), ("∙", " * "), ("÷", " / "), ("−", "-"), ("–", "-"), ("\\times", " * "), ("\\cdot", " * "),
        ("\\div", " / "), ("\\approx", " ≈ "), ("≅", " ≈ "), ("\\(", " "), ("\\)", " "), ("\\[", " "), ("\\]", " "),
        ("≠", " ; "), ("\\neq", " ; "), ("\\ne ", " ; "), ("≤", " ; "), ("≥", " ; "), ("\\leq", " ; "), ("\\geq", " ; "),
        ("\\le ", " ; "), ("\\ge ", " ; "), ("<", " ; "), (">", " ; "), ("\\equiv", " ; "), ("≡", " ; "), ("\\pm", " ; "), ("±", " ; "),
    ];

    /// <summary>The first characters of <see cref="Symbols"/>: a sentence with none of them skips the replacements.</summary>
    private static readonly System.Buffers.SearchValues<char> SymbolStarts =
        System.Buffers.SearchValues.Create(string.Concat(Symbols.Select(s => s.From[0]).Distinct()));

    public static string Of(string sentence)
    {
        // Each rewrite runs only where its characters or words are: most sentences need few of them.
        var s = sentence;
        if (s.AsSpan().ContainsAny(SymbolStarts))
        {
            foreach (var (from, to) in Symbols)
            {
                s = s.Replace(from, to, StringComparison.Ordinal);
            }

            if (s.Contains("frac", StringComparison.Ordinal))
            {
                s = Fraction().Replace(s, "(($1)/($2))");
            }

            s = s.Replace('{', '(').Replace('}', ')');
        }

        if (s.Contains(','))
        {
            s = ThousandsSeparator().Replace(s, "");
        }

        if (s.Contains('%') || s.Contains("percent", StringComparison.OrdinalIgnoreCase))
        {
            s = Percent().Replace(s, "($1/100)");
            s = Of().Replace(s, ") * ");
        }

        if (s.AsSpan().ContainsAny(OperatorWords))
        {
            s = WordOperator().Replace(s, m => m.Value.ToLowerInvariant() switch
            {
                "plus" => " + ",
                "minus" => " - ",
                "divided by" => " / ",
                "half of" => " 1/2 * ",
                _ => " * ",
            });
        }

        if (s.Contains('x') || s.Contains('X'))
        {
            s = TimesLetter().Replace(s, " * ");
        }

        if (s.AsSpan().ContainsAny(PowerWords) || s.AsSpan().ContainsAny('²', '³'))
        {
            s = Power().Replace(s, m => m.Value.Trim().ToLowerInvariant() switch
            {
                "squared" or "²" => "^2",
                _ => "^3",
            });
        }

        // Equality in words claims a result only after an operation (see Computations): without one, it has nothing to claim.
        return s.AsSpan().ContainsAny(OperationSigns) && s.AsSpan().ContainsAny(RelationWords) ? WordRelation().Replace(s, $" {WordEquals} ") : s;
    }

    /// <summary>What a side with an operation holds, in this form: an operator or a bracket ("(5)" is read as one).</summary>
    private static readonly System.Buffers.SearchValues<char> OperationSigns = System.Buffers.SearchValues.Create("+-*/^(");

    private static readonly System.Buffers.SearchValues<string> OperatorWords = System.Buffers.SearchValues.Create(
        ["plus", "minus", "times", "multiplied", "divided", "half"], StringComparison.OrdinalIgnoreCase);

    // ASCII words only: a non-ASCII one ("²") would send every case-insensitive search down a far slower path.
    private static readonly System.Buffers.SearchValues<string> PowerWords = System.Buffers.SearchValues.Create(
        ["squared", "cubed"], StringComparison.OrdinalIgnoreCase);

    private static readonly System.Buffers.SearchValues<string> RelationWords = System.Buffers.SearchValues.Create(
        ["is", "equals", "gives", "makes", "would be", "comes to", "that's"], StringComparison.OrdinalIgnoreCase);

    // \frac{3}{4}, \dfrac{a}{b} with no braces inside.
    [GeneratedRegex(@"\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}")]
    private static partial Regex Fraction();

    // 1,200 and 1,234,567.5, not the list "2,3" or "(5,100)" read as one number with its neighbour.
    [GeneratedRegex(@"(?<=(?<![\d.,])\d{1,3}(?:,\d{3})*),(?=\d{3}(?!\d))")]
    private static partial Regex ThousandsSeparator();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s*(?:\\?%|\s+percent\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Percent();

    // Between two quantities only: "8 times 30", not "3 times as many" or "how many times?".
    [GeneratedRegex(@"(?<=[\d)]\s*)\b(?:plus|minus|times|multiplied by|divided by)\b(?=\s*[\d(])|\bhalf of\b(?=\s*\d)", RegexOptions.IgnoreCase)]
    private static partial Regex WordOperator();

    // "3 x 4", "3x4": an x between two numbers multiplies.
    [GeneratedRegex(@"(?<=\d)\s*[xX]\s*(?=\d)")]
    private static partial Regex TimesLetter();

    [GeneratedRegex(@"\s*(?:\b(?:squared|cubed)\b|[²³])", RegexOptions.IgnoreCase)]
    private static partial Regex Power();

    // "(20/100) of 50": a percentage of a quantity.
    [GeneratedRegex(@"\)\s+of\s+(?=[\d(])")]
    private static partial Regex Of();

    [GeneratedRegex(@",?\s*\b(?:(?:which|that|this)\s+(?:is|equals|gives|makes|comes to)|that's|equals|is|gives|makes|would be|comes to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex WordRelation();
}

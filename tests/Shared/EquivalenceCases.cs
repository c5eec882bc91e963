using System.Text.Json;
using System.Text.RegularExpressions;
using Drp.Core.Answers;

namespace Drp.Tests;

/// <summary>
/// Answer-equivalence cases written by others (gold, prediction, expected verdict), graded as <c>drp grade</c> grades a
/// record: the gold reduced to its answer, the prediction's final answer found in its text. Shared by the real-data
/// test and the bench's <c>grading</c> mode.
/// </summary>
public sealed partial record EquivalenceCase(string Id, string Gold, string Pred, bool Expected, bool ConfigDependent)
{
    public static IReadOnlyList<string> Kinds { get; } =
    [
        "percent, text, units, plain integers", "fractions, numbers with separators", "LaTeX formatting",
        "intervals, tuples, sets and lists", "symbolic expressions, radicals", "equations and inequalities", "matrices",
    ];

    public static List<EquivalenceCase> Load(string path) => File.ReadLines(path)
        .Where(line => line.Trim().Length > 0)
        .Select(line => JsonDocument.Parse(line).RootElement)
        .Select(c => new EquivalenceCase(c.GetProperty("id").GetString()!, c.GetProperty("gold").GetString()!, c.GetProperty("pred").GetString()!,
            c.GetProperty("expected").GetBoolean(), c.TryGetProperty("config_dependent", out var config) && config.GetBoolean()))
        .ToList();

    public string GoldAnswer => Drp.Core.Answers.GoldAnswer.Normalize(Gold);

    public Drp.Core.Model.Validation Verdict => Grader.GradeText(Pred, GoldAnswer);

    /// <summary>The kind of answer, from the gold's shape (for the report only; the grader does not use it).</summary>
    public string Kind
    {
        get
        {
            var gold = GoldAnswer;
            var both = Pred.Length <= 100 ? gold + " " + Pred : gold;
            return gold switch
            {
                _ when gold.Contains("matrix") || gold.Contains("array") => Kinds[6],
                _ when Relation().IsMatch(gold) => Kinds[5],
                _ when ListLike().IsMatch(gold) => Kinds[3],
                _ when Symbolic().IsMatch(gold) => Kinds[4],
                _ when Formatting().IsMatch(both) => Kinds[2],
                _ when Fraction().IsMatch(both) => Kinds[1],
                _ => Kinds[0],
            };
        }
    }

    [GeneratedRegex(@"=|<|>|\\le|\\ge|\\neq|\\lt|\\gt|\\approx")]
    private static partial Regex Relation();

    [GeneratedRegex(@"[,;]|\\cup|\\\{|\band\b|\bor\b|^\s*\$?\s*[\[(]")]
    private static partial Regex ListLike();

    [GeneratedRegex(@"\\sqrt|\\pi|\\sin|\\cos|\\tan|\\sec|\\log|\\ln|\^|(?<!\\[a-z]*)\b[a-z]\b")]
    private static partial Regex Symbolic();

    [GeneratedRegex(@"\\cfrac|\\dfrac|\\tfrac|\\left|\\textnormal|\\text|\\mbox|\\mathrm|,\\!|\\,|\\displaystyle|\\sqrt\s?\d|\\frac\d")]
    private static partial Regex Formatting();

    [GeneratedRegex(@"\\frac|/|\d,\d|\{,\}|\d\.\d")]
    private static partial Regex Fraction();
}

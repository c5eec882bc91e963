using System.Text.RegularExpressions;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// What pruning needs to know of one step: its quantities (distinct, in order), whether it introduces one, whether it
/// has mathematics, whether it copies the question out, whether it reads the question's figure.
/// </summary>
internal sealed partial record StepFacts(string[] Numbers, bool IntroducesNumber, bool HasMath, bool Restates, bool StatesResult, bool QuotesQuestion, bool ReadsFigure)
{
    /// <summary>
    /// Facts of every step, in order: "introduces" and "restates" are judged against the question and the steps
    /// before; a step "states a result" when it names a quantity the question did not give. <paramref name="read"/>
    /// has, where the decomposition already read a step's text, what it read (the same as reading it again).
    /// </summary>
    public static IReadOnlyList<StepFacts> Of(string question, IReadOnlyList<Model.Step> steps, IReadOnlyList<TextFacts?>? read = null)
    {
        var given = new HashSet<string>(Heuristic.Numbers.In(question), StringComparer.Ordinal);
        var seen = new HashSet<string>(given, StringComparer.Ordinal);
        var known = Words.ContentWords(question);
        var plainQuestion = Plain(question);
        var figure = FigurePoints(question);
        var facts = new List<StepFacts>(steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            var text = read?[i] ?? TextFacts.Of(steps[i].Text);
            // "16 miles, not 480" uses 16 only.
            var numbers = (Heuristic.Numbers.SetsAside(steps[i].Text) ? Heuristic.Numbers.Used(steps[i].Text) : text.Numbers).Distinct(StringComparer.Ordinal).ToArray();
            var (introduces, statesResult) = (false, false);
            foreach (var number in numbers)
            {
                if (!Heuristic.Numbers.IsTrivial(number))
                {
                    statesResult |= !given.Contains(number);
                    introduces |= !seen.Contains(number);
                }
            }

            var restates = Words.Share(text.Words, known, learn: true) >= 0.7;
            var readsFigure = figure.Count > 0 && Points(steps[i].Text).Any(figure.Contains);
            facts.Add(new StepFacts(numbers, introduces, text.HasMath, restates, statesResult, Quotes(steps[i].Text, plainQuestion), readsFigure));
            seen.UnionWith(numbers);
        }

        return facts;
    }

    /// <summary>
    /// Whether the text mostly copies the question out ("I have this problem here: The point (a, b) lies on the line
    /// with the equation 3x + 2y = 12."), case and spacing aside: most of its stretches are the question's.
    /// </summary>
    private static bool Quotes(string text, string plainQuestion)
    {
        if (text.Length < QuoteLength || plainQuestion.Length < QuoteLength)
        {
            return false;
        }

        var plainText = Plain(text);
        var (stretches, quoted) = (0, 0);
        for (var at = 0; at + QuoteLength <= plainText.Length; at += QuoteLength / 4)
        {
            stretches++;
            quoted += plainQuestion.Contains(plainText.AsSpan(at, QuoteLength), StringComparison.Ordinal) ? 1 : 0;
        }

        return stretches > 0 && quoted >= stretches * 0.6;
    }

    private const int QuoteLength = 40;

    /// <summary>
    /// The points of the question's figure ("draw((0,2)--(12,10));" in an [asy] block): a step that names them ("Then
    /// a diagonal line from (0,2) to (12,10), which is point A.") reads the figure, which the question gives as code.
    /// </summary>
    private static HashSet<string> FigurePoints(string question)
    {
        var start = question.IndexOf("[asy]", StringComparison.Ordinal);
        return start < 0 ? [] : Points(question[start..]).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> Points(string text) =>
        Point().Matches(text).Select(m => m.Groups["x"].Value + "," + m.Groups["y"].Value);

    [GeneratedRegex(@"\(\s*(?<x>-?\d+(?:\.\d+)?)\s*,\s*(?<y>-?\d+(?:\.\d+)?)\s*\)")]
    private static partial Regex Point();

    // "$3x + 2y = 12.$" in the question is "3x + 2y = 12." in the trace.
    private static string Plain(string text) =>
        string.Join(' ', text.ToLowerInvariant().Replace("$", "").Replace("\\(", "").Replace("\\)", "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

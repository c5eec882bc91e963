using System.Text.RegularExpressions;
using Drp.Core.Model;

namespace Drp.Core.Teachers;

/// <summary>Finds verbatim steps in the reasoning they came from, to rebuild paragraphs around the steps that are kept.</summary>
public static partial class StepLocator
{
    /// <summary>Start and end of each step in <paramref name="reasoning"/>, searched in order; (-1, -1) for a step not found.</summary>
    public static IReadOnlyList<(int Start, int End)> Locate(string reasoning, IReadOnlyList<Step> steps)
    {
        var spans = new List<(int, int)>(steps.Count);
        var from = 0;
        foreach (var step in steps)
        {
            var at = reasoning.IndexOf(step.Text, from, StringComparison.Ordinal);
            if (at < 0)
            {
                spans.Add((-1, -1));
                continue;
            }

            spans.Add((at, at + step.Text.Length));
            from = at + step.Text.Length;
        }

        return spans;
    }

    /// <summary>
    /// How two kept steps are joined: a blank line when a paragraph ended between them in the original, a line break
    /// when a line did, else a space.
    /// </summary>
    public static string Separator(string reasoning, (int Start, int End) before, (int Start, int End) after)
    {
        if (before.End < 0 || after.Start < 0 || after.Start < before.End)
        {
            return "\n\n";
        }

        var between = reasoning.AsSpan(before.End, after.Start - before.End);
        return ParagraphBreak().IsMatch(between) ? "\n\n" : between.Contains('\n') ? "\n" : " ";
    }

    [GeneratedRegex(@"\n[ \t\r]*\n")]
    private static partial Regex ParagraphBreak();
}

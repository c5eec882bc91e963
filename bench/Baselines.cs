using System.Text.RegularExpressions;
using Drp.Core.Answers;
using Drp.Core.Model;
using Drp.Core.Teachers;

namespace Drp.Bench;

/// <summary>
/// The two simple pruning rules from the literature that drp's offline teacher must beat, on the same steps:
/// cutting the reasoning at the first step that states the correct answer, and deleting reflection sentences
/// ("Wait", "Hmm", "Let me check", "Alternatively"…). Both end with the same "The answer is …" sentence as drp.
/// </summary>
public static partial class Baselines
{
    public static string FirstCorrectAnswerCut(string reasoning, IReadOnlyList<Step> steps, string gold)
    {
        var spans = StepLocator.Locate(reasoning, steps);
        for (var i = 0; i < steps.Count; i++)
        {
            if (spans[i].End >= 0 && MentionsAnswer(steps[i].Text, gold))
            {
                return Finish(reasoning[..spans[i].End], gold);
            }
        }

        return Finish(reasoning, gold);
    }

    public static string ReflectionDeletion(string reasoning, IReadOnlyList<Step> steps, string gold)
    {
        var spans = StepLocator.Locate(reasoning, steps);
        var kept = new List<string>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (!Reflection().IsMatch(steps[i].Text))
            {
                kept.Add(i == 0 ? steps[i].Text : StepLocator.Separator(reasoning, spans[Math.Max(0, i - 1)], spans[i]) + steps[i].Text);
            }
        }

        return Finish(string.Concat(kept), gold);
    }

    /// <summary>Whether the text holds a number or expression equal to the gold answer.</summary>
    public static bool MentionsAnswer(string text, string gold)
    {
        if (text.Contains(gold, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (Match number in Number().Matches(text))
        {
            if (AnswerEquivalence.AreEqual(number.Value, gold))
            {
                return true;
            }
        }

        return false;
    }

    private static string Finish(string text, string gold) => text.TrimEnd() + "\n\n" + AnswerSentence.For(gold);

    [GeneratedRegex(@"^\W*(?:wait|hmm+|hold on|but wait|alternatively|let me (?:check|verify|double[- ]check|confirm|make sure)|double[- ]check|to (?:check|verify|confirm)|just to (?:check|verify|be sure|make sure)|is that (?:right|correct)|actually|oh)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reflection();

    [GeneratedRegex(@"-?\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Number();
}

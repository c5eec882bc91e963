using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// Skill-aware decomposition without a model: sentences, lines and display-math blocks, each labelled with a skill;
/// neighbouring sentences of one paragraph that do the same non-computing thing (hesitating, re-checking, planning,
/// restating) form one step. Steps are verbatim and cover the reasoning in order.
/// </summary>
internal static class HeuristicDecomposer
{
    private static readonly HashSet<string> Groupable =
        [Skills.Reflection, Skills.Verification, Skills.Planning, Skills.RestatingQuestion];

    public static IReadOnlyList<Step> Decompose(string reasoning, string question)
    {
        var questionWords = Words.ContentWords(question);
        var seen = new HashSet<string>(Numbers.In(question), StringComparer.Ordinal);
        var groups = new List<(int Start, int End, int Paragraph, string Skill)>();
        foreach (var unit in SentenceSplitter.Split(reasoning))
        {
            var text = unit.In(reasoning);
            var numbers = Numbers.In(text);
            var hasNewNumber = numbers.Any(n => !Numbers.IsTrivial(n) && !seen.Contains(n));
            seen.UnionWith(numbers);
            var skill = SkillClassifier.Classify(text, hasNewNumber, questionWords);
            if (groups.Count > 0 && groups[^1] is var last && last.Paragraph == unit.Paragraph && last.Skill == skill && Groupable.Contains(skill))
            {
                groups[^1] = last with { End = unit.End };
            }
            else
            {
                groups.Add((unit.Start, unit.End, unit.Paragraph, skill));
            }
        }

        return [.. groups.Select((g, i) => new Step(i + 1, reasoning[g.Start..g.End], g.Skill))];
    }
}

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

    public static DecomposedSteps Decompose(string reasoning, string question)
    {
        var questionWords = Words.ContentWords(question);
        var seen = new HashSet<string>(Numbers.In(question), StringComparer.Ordinal);
        var groups = new List<(int Start, int End, int Paragraph, string Skill, TextFacts? Facts)>();
        foreach (var unit in SentenceSplitter.Split(reasoning))
        {
            var text = unit.In(reasoning);
            var facts = TextFacts.Of(reasoning, unit.Start, unit.Length);
            var hasNewNumber = facts.Numbers.Any(n => !Numbers.IsTrivial(n) && !seen.Contains(n));
            seen.UnionWith(facts.Numbers);
            var skill = SkillClassifier.Classify(text, facts, hasNewNumber, questionWords);
            if (groups.Count > 0 && groups[^1] is var last && last.Paragraph == unit.Paragraph && last.Skill == skill && Groupable.Contains(skill))
            {
                groups[^1] = last with { End = unit.End, Facts = null };
            }
            else
            {
                groups.Add((unit.Start, unit.End, unit.Paragraph, skill, facts));
            }
        }

        return new DecomposedSteps([.. groups.Select((g, i) => new Step(i + 1, reasoning[g.Start..g.End], g.Skill))], [.. groups.Select(g => g.Facts)]);
    }
}

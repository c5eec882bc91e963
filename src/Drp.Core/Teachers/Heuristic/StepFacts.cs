namespace Drp.Core.Teachers.Heuristic;

/// <summary>What pruning needs to know of one step: its quantities, those it introduces, whether it has mathematics.</summary>
internal sealed record StepFacts(IReadOnlySet<string> Numbers, IReadOnlySet<string> NewNumbers, bool HasMath, bool Restates, bool StatesResult)
{
    /// <summary>
    /// Facts of every step, in order: "new" and "restates" are judged against the question and the steps before;
    /// a step "states a result" when it names a quantity the question did not give.
    /// </summary>
    public static IReadOnlyList<StepFacts> Of(string question, IReadOnlyList<Model.Step> steps)
    {
        var given = new HashSet<string>(Heuristic.Numbers.In(question), StringComparer.Ordinal);
        var seen = new HashSet<string>(given, StringComparer.Ordinal);
        var known = Words.ContentWords(question);
        var facts = new List<StepFacts>(steps.Count);
        foreach (var step in steps)
        {
            var numbers = new HashSet<string>(Heuristic.Numbers.In(step.Text), StringComparer.Ordinal);
            var fresh = new HashSet<string>(StringComparer.Ordinal);
            var statesResult = false;
            foreach (var number in numbers)
            {
                if (!Heuristic.Numbers.IsTrivial(number))
                {
                    statesResult |= !given.Contains(number);
                    if (!seen.Contains(number))
                    {
                        fresh.Add(number);
                    }
                }
            }

            var restates = Words.Overlap(step.Text, known, learn: true) >= 0.7;
            facts.Add(new StepFacts(numbers, fresh, SkillClassifier.HasMath(step.Text), restates, statesResult));
            seen.UnionWith(numbers);
        }

        return facts;
    }
}

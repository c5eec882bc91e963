using Drp.Core.Model;

namespace Drp.Core.Teachers.Heuristic;

/// <summary>
/// Why each step is kept or deleted, and what changed a kept one's text: the rule id and what it saw, recorded as the
/// rules decide. Made only for <c>--explain</c>: without it the pruner passes null and writes none of this.
/// </summary>
internal sealed class StepReasons
{
    private readonly IReadOnlyList<Step> steps;
    private readonly List<Why>[] reasons;

    public StepReasons(IReadOnlyList<Step> steps)
        : this(steps, [.. steps.Select(_ => new List<Why>())])
    {
    }

    private StepReasons(IReadOnlyList<Step> steps, List<Why>[] reasons) => (this.steps, this.reasons) = (steps, reasons);

    /// <summary>The rule that keeps or deletes the step, in place of the one that decided before it.</summary>
    public void Decide(int step, string rule, string evidence)
    {
        reasons[step].Clear();
        reasons[step].Add(new Why(steps[step].N, rule, evidence));
    }

    /// <summary>A rule that changed the text of a kept step; the evidence is what it took out (<c>took out "…"</c>) or replaced (<c>"…" → "…"</c>).</summary>
    public void Changed(int step, string rule, string before, string after)
    {
        if (before != after)
        {
            var (removed, added) = Difference(before, after);
            reasons[step].Add(new Why(steps[step].N, rule, added.Length == 0 ? $"took out \"{Shortened(removed)}\"" : $"\"{Shortened(removed)}\" → \"{Shortened(added)}\""));
        }
    }

    /// <summary>
    /// A kept step that its text changes left empty (or filler only) is deleted: the rule that emptied it decides, or
    /// <paramref name="rule"/> when given.
    /// </summary>
    public void Emptied(int step, string? rule)
    {
        var last = rule is null ? reasons[step][^1] : new Why(steps[step].N, rule, "nothing but filler once trimmed");
        Decide(step, last.Rule, last.Evidence);
    }

    public StepReasons Copy() => new(steps, [.. reasons.Select(r => new List<Why>(r))]);

    /// <summary>The reasons of these steps (indices), in order; for steps written as one line, then the rule that merged them.</summary>
    public IReadOnlyList<Why> Of(IReadOnlyList<int> group) =>
        group.Count == 1 ? [.. reasons[group[0]]] : [.. group.SelectMany(i => reasons[i]), new Why(steps[group[0]].N, "merge.short-computations", Merged)];

    private const string Merged = "short computations on lines of their own, each line ending with punctuation, written as one line";

    /// <summary>What <paramref name="before"/> has in place of <paramref name="after"/>'s text between their common start and end.</summary>
    private static (string Removed, string Added) Difference(string before, string after)
    {
        var start = 0;
        while (start < before.Length && start < after.Length && before[start] == after[start])
        {
            start++;
        }

        var end = 0;
        while (end < before.Length - start && end < after.Length - start && before[^(end + 1)] == after[^(end + 1)])
        {
            end++;
        }

        // "So, the total" → "The total": a word taken out, and the next one capitalized.
        if (after.Length - start - end == 1 && before.Length - start - end > 1
            && char.ToLowerInvariant(before[^(end + 1)]) == char.ToLowerInvariant(after[^(end + 1)]))
        {
            end++;
        }

        return (before[start..^end].Trim(), after[start..^end].Trim());
    }

    private static string Shortened(string text) => text.Length <= 120 ? text : text[..117] + "…";
}

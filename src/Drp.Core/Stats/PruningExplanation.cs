using System.Text;
using System.Text.RegularExpressions;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Stats;

/// <summary>
/// One pruned record as its original steps, each with what became of it and the rules that decided it, the text a
/// rule took out marked <c>[-…-]</c> and what it wrote instead <c>{+…+}</c> (<c>drp explain</c>). Needs a record
/// pruned with <c>--explain</c>.
/// </summary>
public static partial class PruningExplanation
{
    /// <exception cref="InputException">The record was not pruned, or was pruned without <c>--explain</c>.</exception>
    public static string Of(DrpRecord record)
    {
        if (record.Steps is not { Count: > 0 } steps || record.Pruned is not { } pruned)
        {
            throw new InputException($"record {record.Id} has no pruned trace" + (record.Rejected is { } r ? $": {Rejected(r)}" : ""));
        }

        if (pruned.Actions.Any(a => a.Why is null))
        {
            throw new InputException($"record {record.Id} was pruned without --explain, so its actions name no rules: run drp run … --explain (or drp prune --explain) and ask again");
        }

        var byStep = pruned.Actions.SelectMany(a => a.Steps.Select(n => (n, a))).ToDictionary(p => p.n, p => p.a);
        var output = new StringBuilder();
        output.AppendLine($"record {record.Id}: {Counts(steps.Count, pruned.Actions)}; {Outcome(record)}");
        output.AppendLine("each step: what became of it, the rules that decided it, then its text; [-…-] is what a rule took out, {+…+} what it wrote instead");
        foreach (var step in steps)
        {
            var action = byStep.GetValueOrDefault(step.N);
            var why = action?.Why?.Where(w => w.Step == step.N).ToList() ?? [];
            var what = action is null ? "?" : action.Action == StepActions.Merge ? $"merge (steps {string.Join(", ", action.Steps)} as one line)" : action.Action;
            output.AppendLine();
            output.AppendLine($"step {step.N}  {what}  {string.Join(" · ", why.Select(w => $"{w.Rule}: {w.Evidence}"))}");
            var text = action?.Action == StepActions.Delete ? $"[-{step.Text.Trim()}-]" : Marked(step.Text.Trim(), why);
            foreach (var line in text.Split('\n'))
            {
                output.AppendLine("    " + line);
            }
        }

        return output.ToString();
    }

    private static string Counts(int steps, IReadOnlyList<StepAction> actions)
    {
        int Count(string action) => actions.Where(a => a.Action == action).Sum(a => a.Steps.Count);
        return $"{steps} steps: {Count(StepActions.Keep)} kept, {Count(StepActions.Compress)} compressed, {Count(StepActions.Merge)} merged, {Count(StepActions.Delete)} deleted";
    }

    private static string Outcome(DrpRecord record) =>
        record.Rejected is { } rejected ? Rejected(rejected) : record.Validation is { Ok: true } ? "validated" : "not validated yet";

    private static string Rejected(Rejection rejection) => $"rejected at {rejection.Stage} ({rejection.Reason}: {rejection.Detail})";

    /// <summary>The step's text with what each rule took out or replaced marked, where the evidence names it in full.</summary>
    private static string Marked(string text, IReadOnlyList<Why> why)
    {
        foreach (var reason in why)
        {
            var change = Change().Match(reason.Evidence);
            var removed = change.Groups["removed"].Value;
            if (!change.Success || removed.EndsWith('…') || text.IndexOf(removed, StringComparison.Ordinal) is not (>= 0 and var at))
            {
                continue;
            }

            var added = change.Groups["added"].Success ? $"{{+{change.Groups["added"].Value}+}}" : "";
            text = string.Concat(text.AsSpan(0, at), $"[-{removed}-]{added}", text.AsSpan(at + removed.Length));
        }

        return text;
    }

    // What StepReasons writes: took out "…", or "…" → "…".
    [GeneratedRegex(@"^(?:took out ""(?<removed>.+)""|""(?<removed>.+)"" → ""(?<added>.*)"")$", RegexOptions.Singleline)]
    private static partial Regex Change();
}

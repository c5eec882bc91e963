using Drp.Core.Model;
using Drp.Core.Tokens;

namespace Drp.Core.Stats;

/// <summary>
/// Gathers the statistics of a set of records: token lengths before and after pruning (of the records that were
/// pruned and not rejected, in the records' own counts or recounted in another tokenizer), keep ratios, the long
/// tail, steps, what happened to the steps of each skill, and rejects.
/// </summary>
public sealed class StatsCollector(string name, ITokenCounter? recount = null)
{
    private readonly List<double> before = [];
    private readonly List<double> after = [];
    private readonly List<double> ratios = [];
    private readonly SortedDictionary<string, int> rejected = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, int>> actions = new(StringComparer.Ordinal);
    private int records;
    private long steps;
    private string tokenizer = recount?.Name ?? "";

    public void Add(DrpRecord record)
    {
        records++;
        if (record.Rejected is { } rejection)
        {
            rejected[rejection.Reason] = rejected.GetValueOrDefault(rejection.Reason) + 1;
            return;
        }

        if (record.Pruned is null || record.Trace is null)
        {
            return;
        }

        var (original, pruned) = recount is null
            ? (record.Tokens?.Original ?? 0, record.Tokens?.Pruned ?? 0)
            : (recount.Count(record.Trace!.Reasoning), recount.Count(record.Pruned!.Reasoning));
        if (recount is null && record.Tokens is { } stats)
        {
            tokenizer = stats.Tokenizer;
        }

        before.Add(original);
        after.Add(pruned);
        ratios.Add(original == 0 ? 1 : pruned / (double)original);
        steps += record.Steps?.Count ?? 0;
        CountActions(record);
    }

    public SetStats Build() => new(
        name,
        records,
        before.Count,
        new Dictionary<string, int>(rejected),
        tokenizer,
        Distribution.Of(before),
        Distribution.Of(after),
        before.Sum() == 0 ? 0 : Math.Round(after.Sum() / before.Sum(), 4),
        Distribution.Of(ratios),
        Distribution.ShareAbove(before, 2),
        Distribution.ShareAbove(after, 2),
        before.Count == 0 ? 0 : Math.Round(steps / (double)before.Count, 2),
        actions.ToDictionary(
            a => a.Key,
            a => (IReadOnlyDictionary<string, double>)a.Value.ToDictionary(x => x.Key, x => Math.Round(x.Value / (double)a.Value.Values.Sum(), 4))));

    /// <summary>Each step's action under its skill (a merge counts for every step it merges).</summary>
    private void CountActions(DrpRecord record)
    {
        if (record.Steps is not { } recordSteps || record.Pruned is null)
        {
            return;
        }

        var skillOf = recordSteps.ToDictionary(s => s.N, s => s.Skill);
        foreach (var action in record.Pruned.Actions)
        {
            foreach (var n in action.Steps)
            {
                var skill = skillOf.GetValueOrDefault(n, "unknown");
                var counts = actions.TryGetValue(skill, out var existing) ? existing : actions[skill] = new SortedDictionary<string, int>(StringComparer.Ordinal);
                counts[action.Action] = counts.GetValueOrDefault(action.Action) + 1;
            }
        }
    }
}

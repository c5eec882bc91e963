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
    // Two token counts per record and nothing else (ratios are derived): 8 bytes a record, for exact medians.
    private readonly List<int> before = [];
    private readonly List<int> after = [];
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
        steps += record.Steps?.Count ?? 0;
        CountActions(record);
    }

    /// <summary>Reasoning tokens before pruning, one per record counted.</summary>
    public IReadOnlyList<int> Before => before;

    /// <summary>Reasoning tokens after pruning, in the order of <see cref="Before"/>.</summary>
    public IReadOnlyList<int> After => after;

    /// <summary>Keep ratios (after / before; 1 where there was nothing before), in the order of <see cref="Before"/>.</summary>
    public IEnumerable<double> Ratios => before.Zip(after, (b, a) => b == 0 ? 1 : a / (double)b);

    public SetStats Build() => new(
        name,
        records,
        before.Count,
        new Dictionary<string, int>(rejected),
        tokenizer,
        Distribution.Of(before.Select(n => (double)n)),
        Distribution.Of(after.Select(n => (double)n)),
        before.Sum(n => (long)n) == 0 ? 0 : Math.Round(after.Sum(n => (long)n) / (double)before.Sum(n => (long)n), 4),
        Distribution.Of(Ratios),
        Distribution.ShareAbove(before.Select(n => (double)n), 2),
        Distribution.ShareAbove(after.Select(n => (double)n), 2),
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

using Drp.Core.Model;

namespace Drp.Core.Hygiene;

/// <summary>The records a benchmark's questions kept out, counted by benchmark file, with the first few of them to show.</summary>
/// <param name="examples">How many records to keep as examples.</param>
public sealed class ContaminationTally(int examples = 0)
{
    private readonly SortedDictionary<string, int> counts = new(StringComparer.Ordinal);
    private readonly List<DrpRecord> kept = [];

    public IReadOnlyDictionary<string, int> Counts => counts;

    public IReadOnlyList<DrpRecord> Examples => kept;

    /// <summary>Counts the record when it carries a match; other records are left out.</summary>
    public void Add(DrpRecord record)
    {
        if (record.Contamination is not { } contamination)
        {
            return;
        }

        counts[contamination.Benchmark] = counts.GetValueOrDefault(contamination.Benchmark) + 1;
        if (kept.Count < examples)
        {
            kept.Add(record);
        }
    }
}

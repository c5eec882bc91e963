using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>Accuracy of graded records per source: a trace cut off or without an answer counts as wrong.</summary>
public sealed class AccuracyTable
{
    private readonly SortedDictionary<string, Row> rows = new(StringComparer.Ordinal);

    public sealed record Row(string Source, int Records, int Complete, int Correct)
    {
        public double Accuracy => Records == 0 ? 0 : Correct / (double)Records;
    }

    public IReadOnlyCollection<Row> Rows => rows.Values;

    public void Add(DrpRecord record)
    {
        var source = record.Source ?? "";
        var row = rows.GetValueOrDefault(source) ?? new Row(source, 0, 0, 0);
        rows[source] = row with
        {
            Records = row.Records + 1,
            Complete = row.Complete + (record.Trace?.Complete == true ? 1 : 0),
            Correct = row.Correct + (record.Grade?.Ok == true ? 1 : 0),
        };
    }
}

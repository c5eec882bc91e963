using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>Accuracy of graded records per source: a trace cut off or without an answer counts as wrong.</summary>
public sealed class AccuracyTable
{
    private readonly SortedDictionary<string, Row> rows = new(StringComparer.Ordinal);

    /// <param name="Graded">Records with a gold answer to grade against: the accuracy is over these.</param>
    public sealed record Row(string Source, int Records, int Complete, int Correct, int Graded = 0)
    {
        public double Accuracy => Graded == 0 ? 0 : Correct / (double)Graded;
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
            Graded = row.Graded + (record.Gold is null ? 0 : 1),
        };
    }
}

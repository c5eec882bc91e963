using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;

namespace Drp.Core.Export;

/// <summary>
/// <c>--dedup</c>: of the exportable records that ask the same question (normalised text), only the one with the
/// smallest id is exported, whatever the order of the input.
/// </summary>
public sealed class DuplicateFilter
{
    private readonly Dictionary<string, string> keeperByQuestion = new(StringComparer.Ordinal);
    private readonly HashSet<string> exported = new(StringComparer.Ordinal);

    /// <summary>First pass: remembers the smallest id of every question.</summary>
    public void Observe(DrpRecord record)
    {
        if (!ExportStage.IsExportable(record))
        {
            return;
        }

        var question = GoldIndex.NormalizeQuestion(record.Question!);
        if (!keeperByQuestion.TryGetValue(question, out var keeper) || string.CompareOrdinal(record.Id, keeper) < 0)
        {
            keeperByQuestion[question] = record.Id;
        }
    }

    /// <summary>Second pass: whether to export this record (once per question).</summary>
    public bool Keep(DrpRecord record) =>
        !ExportStage.IsExportable(record)
        || (keeperByQuestion.GetValueOrDefault(GoldIndex.NormalizeQuestion(record.Question!)) == record.Id && exported.Add(record.Id));
}

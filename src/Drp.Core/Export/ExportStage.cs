using Drp.Core.Model;

namespace Drp.Core.Export;

/// <summary>Which records become training data, and their training line.</summary>
public static class ExportStage
{
    public static bool IsExportable(DrpRecord record) =>
        record is { Rejected: null, Validation.Ok: true, Pruned: not null, Question: not null, Trace: not null };

    /// <summary>The training line of an exportable record.</summary>
    public static string ToLine(DrpRecord record, ExportOptions options, bool original = false) =>
        TrainingLines.Write(TrainingExample.From(record, original, options.AnswerStyle), options.Format, options.System);
}

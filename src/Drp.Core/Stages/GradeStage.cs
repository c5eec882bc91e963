using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>Grades the student's original traces against gold, before any pruning: adds <c>grade</c> to every record.</summary>
public static class GradeStage
{
    public static DrpRecord Process(DrpRecord record) => record with { Grade = Grade(record) };

    public static Validation Grade(DrpRecord record) => (record.Trace, record.Gold) switch
    {
        (null, _) => new Validation(false, null, "no trace"),
        (_, null) => new Validation(false, null, "no gold answer"),
        var (trace, gold) => Grader.GradeTrace(trace, gold),
    };
}

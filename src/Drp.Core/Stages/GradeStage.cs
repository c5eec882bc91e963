using System.Runtime.CompilerServices;
using Drp.Core.Answers;
using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>Grades the student's original traces against gold, before any pruning: adds <c>grade</c> to every record.</summary>
public static class GradeStage
{
    public static async IAsyncEnumerable<DrpRecord> RunAsync(IAsyncEnumerable<DrpRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return record with { Grade = Grade(record) };
        }
    }

    public static Validation Grade(DrpRecord record) => (record.Trace, record.Gold) switch
    {
        (null, _) => new Validation(false, null, "no trace"),
        (_, null) => new Validation(false, null, "no gold answer"),
        var (trace, gold) => Grader.GradeTrace(trace, gold),
    };
}

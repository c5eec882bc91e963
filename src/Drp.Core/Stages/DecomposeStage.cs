using System.Runtime.CompilerServices;
using Drp.Core.Model;
using Drp.Core.Teachers;

namespace Drp.Core.Stages;

/// <summary>Adds skill-labelled steps to every record that is not rejected and has none yet.</summary>
public sealed class DecomposeStage(ITeacher teacher)
{
    public const string Name = "decompose";

    public async IAsyncEnumerable<DrpRecord> RunAsync(IAsyncEnumerable<DrpRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (record.Rejected is not null || record.Steps is { Count: > 0 })
            {
                yield return record;
                continue;
            }

            DrpRecord result;
            try
            {
                result = record with { Steps = await teacher.DecomposeAsync(record, cancellationToken) };
            }
            catch (TeacherException e)
            {
                result = record with { Rejected = new Rejection(Name, e.Reason, e.Message) };
            }

            yield return result;
        }
    }
}

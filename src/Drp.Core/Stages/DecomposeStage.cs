using Drp.Core.Model;
using Drp.Core.Teachers;

namespace Drp.Core.Stages;

/// <summary>Adds skill-labelled steps to every record that is not rejected and has none yet.</summary>
public sealed class DecomposeStage(ITeacher teacher)
{

    public async Task<DrpRecord> ProcessAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Rejected is not null || record.Steps is { Count: > 0 })
        {
            return record;
        }

        try
        {
            return record with { Steps = await teacher.DecomposeAsync(record, cancellationToken) };
        }
        catch (TeacherException e)
        {
            return record with { Rejected = new Rejection(StageNames.Decompose, e.Reason, e.Message) };
        }
    }
}

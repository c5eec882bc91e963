using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Stages;

/// <summary>Adds the pruned reasoning, the per-step actions and the token counts before and after.</summary>
public sealed class PruneStage(ITeacher teacher, ITokenCounter tokens)
{

    public async Task<DrpRecord> ProcessAsync(DrpRecord record, CancellationToken cancellationToken = default)
    {
        if (record.Rejected is not null)
        {
            return record;
        }

        try
        {
            var pruned = await teacher.PruneAsync(record, cancellationToken);
            var stats = new TokenStats(tokens.Count(record.Trace!.Reasoning), tokens.Count(pruned.Reasoning), tokens.Name);
            return record with { Pruned = pruned, Tokens = stats };
        }
        catch (TeacherException e)
        {
            return record with { Rejected = new Rejection(StageNames.Prune, e.Reason, e.Message) };
        }
    }
}

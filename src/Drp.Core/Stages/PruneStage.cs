using System.Runtime.CompilerServices;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Stages;

/// <summary>Adds the pruned reasoning, the per-step actions and the token counts before and after.</summary>
public sealed class PruneStage(ITeacher teacher, ITokenCounter tokens)
{
    public const string Name = "prune";

    public async IAsyncEnumerable<DrpRecord> RunAsync(IAsyncEnumerable<DrpRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (record.Rejected is not null)
            {
                yield return record;
                continue;
            }

            DrpRecord result;
            try
            {
                var pruned = await teacher.PruneAsync(record, cancellationToken);
                var stats = new TokenStats(tokens.Count(record.Trace!.Reasoning), tokens.Count(pruned.Reasoning), tokens.Name);
                result = record with { Pruned = pruned, Tokens = stats };
            }
            catch (TeacherException e)
            {
                result = record with { Rejected = new Rejection(Name, e.Reason, e.Message) };
            }

            yield return result;
        }
    }
}

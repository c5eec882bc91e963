using Drp.Core.Io;
using Drp.Core.Tokens;

namespace Drp.Core.Stats;

/// <summary>The loop of <c>drp stats</c>: the statistics of each file drp wrote, and of all of them together.</summary>
public static class StatsRun
{
    /// <param name="files">(name shown, file read, stdin when the file is <c>-</c>).</param>
    /// <param name="recount">The tokenizer to recount in; null keeps the records' own counts.</param>
    /// <exception cref="InputException">A file whose records never went through drp (training lines, raw traces).</exception>
    public static async Task<IReadOnlyList<SetStats>> CollectAsync(
        IReadOnlyList<(string Name, string File, Stream? Stdin)> files, ITokenCounter? recount, CancellationToken cancellationToken)
    {
        var total = new StatsCollector("total", recount);
        var sets = new List<SetStats>();
        foreach (var (name, file, stdin) in files)
        {
            var (one, fromDrp) = (new StatsCollector(name, recount), 0);
            await foreach (var record in RecordLoader.LoadAsync(file, new LoadOptions(), stdin, cancellationToken: cancellationToken))
            {
                one.Add(record);
                total.Add(record);
                fromDrp += record.Steps is not null || record.Rejected is { Stage: not RecordMapper.LoadStage } ? 1 : 0;
            }

            var set = one.Build();
            sets.Add(set.Records > 0 && fromDrp == 0
                ? throw new InputException($"{name}: none of its {set.Records} records went through drp (no steps): stats reads what drp writes "
                                           + "(pruned.jsonl, validated.jsonl, or the run folder), not training lines or raw traces")
                : set);
        }

        if (sets.Count > 1)
        {
            sets.Add(total.Build());
        }

        return sets;
    }
}

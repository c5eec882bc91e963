using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Stages;

/// <summary>Where a one-stage pass reads and writes: its input (a path, or <c>-</c> for stdin), its output (a path, or stdout when null) and, when named, a file for the records it rejects.</summary>
public sealed record StagePass(string Input, LoadOptions Load, string? Output, int Parallelism, string? Rejects = null);

/// <summary>
/// The loop of the one-stage commands (decompose, prune, validate, grade): records stream from the input through the
/// stage on workers, up to the pass's parallelism at once, and their lines are written in input order; the outputs
/// appear complete only when every record is written. Memory holds only the records in flight.
/// </summary>
public static class StageRun
{
    /// <param name="onRecord">Called with every record, in order, once its line is written.</param>
    public static async Task<StageCounts> RunAsync(
        string stage, StagePass pass, Func<DrpRecord, CancellationToken, Task<DrpRecord>> process, Stream? stdin, TextWriter stdout,
        Action<DrpRecord>? onRecord = null, Action<DrpRecord, Rejection>? onRejectedHere = null, CancellationToken cancellationToken = default)
    {
        await using var output = JsonlWriter.Create(pass.Output, stdout);
        await using var rejects = pass.Rejects is null ? null : JsonlWriter.Create(pass.Rejects, TextWriter.Null);
        var counts = new StageCounts(stage, onRejectedHere);
        var records = RecordLoader.LoadAsync(pass.Input, pass.Load, stdin, counts.RejectedOnLoad, cancellationToken);
        async Task<(DrpRecord, string)> ProcessAsync(DrpRecord record, CancellationToken token)
        {
            var result = await process(record, token);
            return (result, DrpJson.Serialize(result));
        }

        await foreach (var (record, line) in records.SelectOrderedAsync(ProcessAsync, pass.Parallelism, cancellationToken))
        {
            counts.Add(record);
            await output.WriteLineAsync(line, cancellationToken);
            if (rejects is not null && record.Rejected is not null)
            {
                await rejects.WriteLineAsync(line, cancellationToken);
            }

            onRecord?.Invoke(record);
        }

        await output.CommitAsync();
        if (rejects is not null)
        {
            await rejects.CommitAsync();
        }

        return counts;
    }
}

/// <summary>A stage's records: passed, rejected by it (or on loading), rejected by an earlier stage.</summary>
public sealed class StageCounts(string stage, Action<DrpRecord, Rejection>? onRejectedHere)
{
    public int Records { get; private set; }

    public int Passed { get; private set; }

    public int RejectedHere { get; private set; }

    public int RejectedEarlier { get; private set; }

    // Filled by the loader, which runs ahead of the records written out; only rejected records are remembered.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> rejectedOnLoad = new(StringComparer.Ordinal);

    internal void RejectedOnLoad(DrpRecord record) => rejectedOnLoad[record.Id] = true;

    internal void Add(DrpRecord record)
    {
        Records++;
        if (record.Rejected is not { } rejection)
        {
            Passed++;
            return;
        }

        if (rejection.Stage != stage && !rejectedOnLoad.TryRemove(record.Id, out _))
        {
            RejectedEarlier++;
            return;
        }

        RejectedHere++;
        onRejectedHere?.Invoke(record, rejection);
    }
}

using System.Diagnostics;

namespace Drp.Core.Stages;

/// <summary>The time the workers of a run spent in each stage, summed over records (with N workers, up to N times the
/// run's own time): where a run's time goes, for its log.</summary>
internal sealed class StageTimes
{
    private long decompose;
    private long prune;
    private long validate;

    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>Adds the time since <paramref name="start"/> to the stage's and returns the time now.</summary>
    public long Decomposed(long start) => Add(ref decompose, start);

    public long Pruned(long start) => Add(ref prune, start);

    public long Validated(long start) => Add(ref validate, start);

    public (double Decompose, double Prune, double Validate) Seconds =>
        (Of(Interlocked.Read(ref decompose)), Of(Interlocked.Read(ref prune)), Of(Interlocked.Read(ref validate)));

    private static long Add(ref long total, long start)
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref total, now - start);
        return now;
    }

    private static double Of(long ticks) => Math.Round((double)ticks / Stopwatch.Frequency, 1);
}

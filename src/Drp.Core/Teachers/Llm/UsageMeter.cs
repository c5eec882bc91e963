using Drp.Core.Model;

namespace Drp.Core.Teachers.Llm;

/// <summary>Requests and tokens per stage, counted as answers arrive (from the endpoint or from the cache), and the retries.</summary>
public sealed class UsageMeter
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, StageUsage> stages = new(StringComparer.Ordinal);
    private int retries;

    /// <summary>Requests sent again after a failure that may pass (a 429, a 5xx, no answer).</summary>
    public int Retries => Volatile.Read(ref retries);

    public void AddRetry() => Interlocked.Increment(ref retries);

    /// <summary>
    /// An answer's usage: a request sent, or an answer from the cache, with its tokens either way (an answer from the
    /// cache costs what it cost when it was first sent), so a rerun's figures are those of the answers it uses, not zeros.
    /// </summary>
    public void Add(string stage, ChatUsage usage, bool fromCache) =>
        AddTotals(stage, new StageUsage(fromCache ? 0 : 1, fromCache ? 1 : 0, usage.InputTokens, usage.CachedTokens, usage.OutputTokens));

    /// <summary>Adds what was counted elsewhere (a batch's answers, a finished part of a run).</summary>
    public void AddTotals(string stage, StageUsage totals)
    {
        lock (gate)
        {
            var c = stages.GetValueOrDefault(stage) ?? new StageUsage(0, 0, 0, 0, 0);
            stages[stage] = new StageUsage(c.Requests + totals.Requests, c.CacheHits + totals.CacheHits, c.InputTokens + totals.InputTokens,
                c.CachedTokens + totals.CachedTokens, c.OutputTokens + totals.OutputTokens);
        }
    }

    public IReadOnlyDictionary<string, StageUsage> Snapshot()
    {
        lock (gate)
        {
            return new SortedDictionary<string, StageUsage>(stages, StringComparer.Ordinal);
        }
    }
}

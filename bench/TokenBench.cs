using System.Diagnostics;
using System.Globalization;
using Drp.Core.Io;
using Drp.Core.Tokens;

namespace Drp.Bench;

/// <summary>Token counting speed on one core, over the reasoning of every real trace, drp against the tokenizer library alone.</summary>
public static class TokenBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        var texts = new List<string>();
        foreach (var file in TraceFile.In(data))
        {
            await foreach (var record in RecordLoader.LoadAsync(Path.Combine(data, "traces", file.Name), file.Load))
            {
                if (record.Trace is { } trace)
                {
                    texts.Add(trace.Reasoning);
                }
            }
        }

        // Warmed up (code compiled, common words seen) on every other text, timed on the others: texts it has not seen,
        // as in the middle of a long run.
        var warmUp = texts.Where((_, i) => i % 2 == 0).ToList();
        var timed = texts.Where((_, i) => i % 2 == 1).ToList();
        var megabytes = timed.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;
        foreach (var name in new[] { "o200k", Path.Combine(data, "tokenizers", "qwen2") })
        {
            var (drp, drpTokens) = Measure(() => TokenCounters.Create(name), warmUp, timed);
            var (library, libraryTokens) = Measure(() => TokenCounters.Reference(name), warmUp, timed);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tokens ({Path.GetFileName(name)}): {megabytes:F1} MB of reasoning not seen in the warm-up, {drpTokens} tokens (library: {libraryTokens}); " +
                $"one core: drp {megabytes / drp:F1} MB/s, the tokenizer library alone {megabytes / library:F1} MB/s ({library / drp:F1}x)"));
        }
    }

    /// <summary>Seconds to count the timed texts with a counter that has counted the warm-up texts (best of three fresh counters).</summary>
    private static (double Seconds, long Tokens) Measure(Func<ITokenCounter> create, List<string> warmUp, List<string> timed)
    {
        var best = double.MaxValue;
        long tokens = 0;
        for (var round = 0; round < 3; round++)
        {
            var counter = create();
            warmUp.ForEach(t => counter.Count(t));
            var clock = Stopwatch.StartNew();
            tokens = timed.Sum(t => (long)counter.Count(t));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return (best, tokens);
    }
}

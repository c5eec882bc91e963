using System.Diagnostics;
using System.Globalization;
using Drp.Core.Io;
using Drp.Core.Tokens;

namespace Drp.Bench;

/// <summary>Token counting speed on one core, over the reasoning of every real trace.</summary>
public static class TokenBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        var texts = new List<string>();
        foreach (var file in TraceFile.All)
        {
            await foreach (var record in RecordLoader.LoadAsync(Path.Combine(data, "traces", file.Name), file.Load))
            {
                if (record.Trace is { } trace)
                {
                    texts.Add(trace.Reasoning);
                }
            }
        }

        var megabytes = texts.Sum(t => (long)System.Text.Encoding.UTF8.GetByteCount(t)) / 1e6;
        foreach (var name in new[] { "o200k", Path.Combine(data, "tokenizers", "qwen2") })
        {
            var counter = TokenCounters.Create(name);
            counter.Count("warm up");
            var best = double.MaxValue;
            long tokens = 0;
            for (var round = 0; round < 3; round++)
            {
                var clock = Stopwatch.StartNew();
                tokens = texts.Sum(t => (long)counter.Count(t));
                best = Math.Min(best, clock.Elapsed.TotalSeconds);
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"tokens ({counter.Name}): {megabytes:F1} MB of reasoning, {tokens} tokens, {megabytes / best:F1} MB/s on one core (best of 3)"));
        }
    }
}

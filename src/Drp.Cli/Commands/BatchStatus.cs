using System.Globalization;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers.Llm.Batch;

namespace Drp.Cli.Commands;

/// <summary>What <c>drp status</c> says of a <c>--batch</c> run's batches.</summary>
public static class BatchStatus
{
    /// <summary>The batches of a <c>--batch</c> run: each file, its batch and state, failed requests, and what was paid so far.</summary>
    public static IEnumerable<string> Lines(string dir, Price? price)
    {
        var folder = Path.Combine(dir, RunDirectory.Batches);
        if (!File.Exists(Path.Combine(folder, BatchLog.FileName)))
        {
            yield break;
        }

        var state = new BatchLog(folder).Read();
        yield return $"  batches: {state.Parts.Count} in {state.LastRound} round(s), {state.Parts.Count(p => p.Ingested)} done";
        foreach (var part in state.Parts)
        {
            var where = part.Ingested ? "results in" : part.BatchId is null ? "uploaded, no batch yet" : "waiting";
            yield return $"    {part.Name}: {part.BatchId ?? part.FileId}, {part.Requests} requests, {part.Status ?? "created"}, {where}";
        }

        if (state.Failures.Count > 0)
        {
            yield return $"  requests that failed in a batch: {state.Failures.Count} (submitted again up to --batch-retries)";
        }

        var paid = state.Usage.Values.ToList();
        if (paid.Count > 0)
        {
            var spend = price is null ? "" : string.Create(CultureInfo.InvariantCulture, $", about ${paid.Sum(price.Batch().Cost):F4} at batch prices");
            yield return $"  batch answers so far: {paid.Sum(u => u.Requests)}, {paid.Sum(u => u.InputTokens)} input and {paid.Sum(u => u.OutputTokens)} output tokens{spend}";
        }
    }
}

using Drp.Core.Io;
using Drp.Core.Teachers.Llm.Batch;
using Drp.Core.Model;
using Drp.Core.Tokens;

namespace Drp.Core.Teachers.Llm;

/// <summary>What a run with an LLM teacher would send and cost, without sending anything.</summary>
public sealed record DryRunEstimate(int Records, int Requests, long InputTokens, long OutputTokens, double? CostUsd);

public static class DryRun
{
    /// <summary>
    /// Writes each record's decompose request as an OpenAI Batch input line, and estimates both calls: the prune
    /// prompt holds about the reasoning again; answers are about the reasoning (decompose) and half of it (prune).
    /// </summary>
    public static async Task<DryRunEstimate> EstimateAsync(
        IAsyncEnumerable<DrpRecord> records, LlmTeacher teacher, string model, ITokenCounter tokens, Price? price,
        Func<string, Task> writeLine, CancellationToken cancellationToken = default)
    {
        var (count, requests, input, output) = (0, 0, 0L, 0L);
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            count++;
            if (record.Rejected is not null || record.Trace is null)
            {
                continue;
            }

            var request = teacher.DecomposeRequest(record);
            var reasoning = tokens.Count(record.Trace.Reasoning);
            requests += 2;
            input += tokens.Count(request.Prompt) * 2;
            output += reasoning + reasoning / 2;
            await writeLine(BatchRequestLine.Format(BatchRequestLine.CustomId(record.Id, request.Stage, teacher.PromptVersion), model, request));
        }

        var cost = price is null ? (double?)null : Math.Round(price.Cost(new StageUsage(requests, 0, input, 0, output)), 4);
        return new DryRunEstimate(count, requests, input, output, cost);
    }
}

using System.Text.Json.Nodes;
using Drp.Core.Io;
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
            await writeLine(BatchLine($"{record.Id}-decompose", model, request));
        }

        var cost = price is null ? (double?)null : Math.Round(price.Cost(new StageUsage(requests, 0, input, 0, output)), 4);
        return new DryRunEstimate(count, requests, input, output, cost);
    }

    private static string BatchLine(string customId, string model, ChatRequest request)
    {
        var body = new JsonObject
        {
            ["model"] = model,
            ["temperature"] = 0,
            ["max_completion_tokens"] = request.MaxOutputTokens,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = request.Prompt }),
        };
        if (request.Schema is not null)
        {
            body["response_format"] = new JsonObject
            {
                ["type"] = "json_schema",
                ["json_schema"] = new JsonObject { ["name"] = request.SchemaName, ["strict"] = true, ["schema"] = JsonNode.Parse(request.Schema) },
            };
        }

        return new JsonObject { ["custom_id"] = customId, ["method"] = "POST", ["url"] = "/v1/chat/completions", ["body"] = body }.ToJsonString(DrpJson.Line);
    }
}

using Drp.Core.Io;
using Drp.Core.Stages;
using Drp.Core.Teachers.Llm;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary><c>drp run --dry-run</c>: the requests an LLM teacher would send, on stdout, and their tokens and cost; nothing is sent.</summary>
public static class DryRunAction
{
    public static async Task<int> RunAsync(CliConsole console, ILogger log, RunOptions options, string? model, string input, CancellationToken ct)
    {
        if (options.Teacher is not LlmTeacher teacher || model is null)
        {
            throw new ArgumentException("--dry-run: only an LLM teacher sends requests (--teacher openai)");
        }

        var records = RecordLoader.LoadAsync(input, options.Load with { RequireGold = true }, console.StdinFor(input), cancellationToken: ct);
        var printed = 0;
        var estimate = await DryRun.EstimateAsync(records, teacher, model, options.Tokens, options.Price, line =>
        {
            printed++;
            return console.Out.WriteLineAsync(line);
        }, ct);
        log.Information("dry run: {Records} records, {Requests} requests, about {Input} input and {Output} output tokens ({Tokenizer}){Cost}; nothing was sent",
            estimate.Records, estimate.Requests, estimate.InputTokens, estimate.OutputTokens, options.Tokens.Name,
            estimate.CostUsd is { } cost ? $", about ${cost.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}" : "");
        if (printed < estimate.Requests)
        {
            log.Information("  the {Printed} lines on stdout are the first requests; the other {Rest} (pruning) are written from their answers, so their tokens are estimated",
                printed, estimate.Requests - printed);
        }

        if (estimate.CostUsd is null)
        {
            log.Warning("  no price known for {Model}: give one with --price INPUT,CACHED,OUTPUT (US$ per million tokens) for a cost", model);
        }

        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using Drp.Core.Io;
using Drp.Core.Model;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>What a finished <c>drp run</c> says on stderr: records, rejects by reason, tokens, teacher usage and cost.</summary>
public static class RunSummaryLog
{
    /// <summary><c>--fail-on-reject-rate</c>: a share from 0 to 1.</summary>
    public static Option<double?> FailOnRejectRate()
    {
        var option = new Option<double?>("--fail-on-reject-rate") { Description = "Exit with code 4 when more than this share of the records (0 to 1) is rejected; the outputs are written all the same" };
        option.Validators.Add(r =>
        {
            if (r.GetValue(option) is < 0 or > 1)
            {
                r.AddError($"--fail-on-reject-rate is a share from 0 to 1 (0.1 for 10%), not {r.GetValue(option)}");
            }
        });
        return option;
    }

    public static void Write(ILogger log, RunSummary summary, string outDir)
    {
        log.Information("{Records} records: {Exported} exported, {Rejected} rejected", summary.RecordsIn, summary.Exported, summary.Rejected);
        foreach (var (reason, count) in summary.RejectedByReason)
        {
            log.Information("  rejected {Reason}: {Count}", reason, count);
        }

        ContaminationLog.Write(log, summary.Contaminated, []);
        if (summary.MaxTokens is { } maxTokens)
        {
            log.Information("training lines as the trainer sees them: the longest {Longest} tokens ({Tokenizer}); --max-tokens {Max}", summary.LongestLine ?? 0, summary.Tokenizer, maxTokens);
        }

        log.Information("reasoning tokens ({Tokenizer}) per exported record: {Original} -> {Pruned} (keep ratio {KeepRatio})",
            summary.Tokenizer, summary.TokensOriginalMean, summary.TokensPrunedMean, summary.KeepRatio);
        foreach (var (stage, usage) in summary.TeacherUsage ?? new Dictionary<string, StageUsage>())
        {
            log.Information("teacher {Stage}: {Requests} requests, {Hits} answers from the cache, {Input} input ({Cached} cached) and {Output} output tokens",
                stage, usage.Requests, usage.CacheHits, usage.InputTokens, usage.CachedTokens, usage.OutputTokens);
        }

        if (summary.CostUsd is { } cost)
        {
            log.Information("teacher cost estimate: ${Cost} (answers from the cache at what they cost when sent)", cost.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        }

        log.Information("wrote {Dir}", Path.Combine(outDir, RunDirectory.Summary));
    }

    /// <summary>Whether more records were rejected than <c>--fail-on-reject-rate</c> allows, said as an error.</summary>
    public static bool OverRejectRate(ILogger log, RunSummary summary, double? limit)
    {
        var rate = summary.RecordsIn == 0 ? 0 : summary.Rejected / (double)summary.RecordsIn;
        if (limit is null || rate <= limit)
        {
            return false;
        }

        log.Error("{Rejected} of {Records} records rejected ({Rate}), more than --fail-on-reject-rate {Limit}",
            summary.Rejected, summary.RecordsIn, rate.ToString("P1", System.Globalization.CultureInfo.InvariantCulture).Replace(" ", ""),
            limit.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}

using System.Globalization;
using Drp.Core.Export;
using Serilog;

namespace Drp.Cli.Commands;

/// <summary>What a finished <c>drp export</c> says on stderr: records exported and left out (and why), the files written or left as they were.</summary>
public static class ExportLog
{
    public static void Write(ILogger log, ExportPass pass, ExportCounts counts)
    {
        log.Information("export: {Exported} of {Records} records exported{Dropped}{Contaminated}",
            counts.Exported, counts.Records, counts.Dropped > 0 ? $", {counts.Dropped} repeated questions dropped" : "",
            counts.Contaminated.Count > 0 ? $", {counts.Contaminated.Values.Sum()} contaminated" : "");
        ContaminationLog.Write(log, counts.Contaminated, counts.ContaminatedExamples);
        if (pass.MaxTokens is { } limit)
        {
            var measured = counts.Exported + counts.TooLong;
            log.Information("  lines in the {Template} template, {Tokenizer} tokens: the longest {Longest}; {TooLong} of {Measured} records ({Share}) over --max-tokens {Max}, left out as too_long",
                limit.Template.Name, limit.Tokens.Name, counts.LongestLine, counts.TooLong, measured,
                (counts.TooLong / (double)Math.Max(1, measured)).ToString("P1", CultureInfo.InvariantCulture).Replace(" ", ""), limit.MaxTokens);
        }

        foreach (var (path, lines) in counts.Files)
        {
            log.Information("  {Path}: {Lines} lines", path, lines);
        }

        if (counts.NotValidated > 0)
        {
            log.Warning("{Count} of {Records} records were never validated, so not exported: run drp validate on them first (drp validate FILE | drp export -)",
                counts.NotValidated, counts.Records);
        }
        else if (counts.Exported == 0 && counts.Records > 0)
        {
            log.Warning("no record exported: every one was rejected by an earlier stage (its \"rejected\" field says why)");
        }

        if (!counts.Written && pass.Output is { } output and not "-")
        {
            log.Warning("nothing to write: {Output} left as it was{Existing} (--allow-empty writes the files empty)", output, File.Exists(output) ? "" : " (not created)");
        }
    }
}

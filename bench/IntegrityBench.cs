using System.Globalization;
using System.Text.Json;
using Drp.Core.Answers;
using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// <c>drp run</c> with the offline teacher over every real trace file, and the exported lines read back as a user would
/// read them: checks of its own (not drp's validation) for a text after <c>&lt;/think&gt;</c> that stops mid-sentence,
/// a final answer (as drp's grader reads it) other than the gold one, a pruned reasoning that states an answer it never wrote before, a pruned
/// trace no shorter than its original, an answer sentence stated twice; and the share of the records whose original
/// trace is complete and correct that is exported.
/// </summary>
public static class IntegrityBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        output.WriteLine("integrity of the exported lines (drp run, offline teacher): violations must all be 0");
        output.WriteLine();
        output.WriteLine("| file | correct originals | exported of them | share | answers replaced | held back: answer not reached | cut after </think> | final answer not gold | answer not reached | not shorter | answer twice |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var file in TraceFile.In(data))
        {
            var dir = Path.Combine(Path.GetTempPath(), "drp-integrity-" + Guid.NewGuid().ToString("N"));
            try
            {
                output.WriteLine(Row(file.Name, await OfflineRun.RunAsync(Path.Combine(data, "traces", file.Name), file.Load, dir)));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static string Row(string file, OfflineRun run)
    {
        var (summary, exported, lines) = (run.Summary, run.Exported, run.Train);
        var correct = run.CorrectOriginals();
        var failed = Enumerable.Range(0, lines.Length).SelectMany(i => TrainingLineChecks.Violations(exported[i], lines[i])).CountBy(f => f.Check).ToDictionary();
        var c = CultureInfo.InvariantCulture;
        var replaced = summary.AnswersReplaced.Count == 0 ? "0" : string.Join(", ", summary.AnswersReplaced.Select(p => $"{p.Key} {p.Value}"));
        return string.Create(c,
            $"| {file} | {correct.Count} | {exported.Count(r => correct.Contains(r.Id))} | {run.ExportShare(correct):P1} | {replaced} | {summary.RejectedByReason.GetValueOrDefault(RejectReasons.AnswerNotReached)} | {string.Join(" | ", TrainingLineChecks.All.Select(check => failed.GetValueOrDefault(check)))} |");
    }
}

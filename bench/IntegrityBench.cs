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
        foreach (var file in TraceFile.All)
        {
            var dir = Path.Combine(Path.GetTempPath(), "drp-integrity-" + Guid.NewGuid().ToString("N"));
            try
            {
                var options = new RunOptions(Path.Combine(data, "traces", file.Name), dir, file.Load, new HeuristicTeacher(), TokenCounters.Create(TokenCounters.Default))
                {
                    Parallelism = Environment.ProcessorCount,
                };
                var summary = await RunPipeline.RunAsync(options);
                output.WriteLine(Row(file.Name, summary, dir));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static string Row(string file, RunSummary summary, string dir)
    {
        var validated = File.ReadLines(Path.Combine(dir, RunPipeline.Validated)).Select(l => JsonSerializer.Deserialize(l, DrpJson.TypeInfo<DrpRecord>())!).ToList();
        var exported = validated.Where(ExportStage.IsExportable).ToList();
        var lines = File.ReadAllLines(Path.Combine(dir, RunPipeline.Train));
        var correct = validated.Where(r => r.Trace is { Complete: true } && r.Gold is not null && Grader.GradeTrace(r.Trace, r.Gold).Ok).Select(r => r.Id).ToHashSet();
        var (cut, notGold, notReached, notShorter, twice) = (0, 0, 0, 0, 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var record = exported[i];
            var (reasoning, answer) = TrainingLines.SplitAssistant(TrainingLines.Read(lines[i], ExportFormat.SftJsonl).Assistant);
            cut += TrainingLineChecks.StopsMidSentence(answer) ? 1 : 0;
            notGold += AnswerExtractor.Extract(answer) is { } stated && AnswerEquivalence.AreEqual(stated.Value, record.Gold!) ? 0 : 1;
            var closing = TrainingLineChecks.Closing(reasoning);
            notReached += closing >= 0 && !TrainingLineChecks.ClosingIsWrittenBefore(reasoning) ? 1 : 0;
            notShorter += reasoning.Length >= record.Trace!.Reasoning.Length ? 1 : 0;
            twice += TrainingLineChecks.StatesAnswerTwice(reasoning) ? 1 : 0;
        }

        var exportedCorrect = exported.Count(r => correct.Contains(r.Id));
        var c = CultureInfo.InvariantCulture;
        var replaced = summary.AnswersReplaced.Count == 0 ? "0" : string.Join(", ", summary.AnswersReplaced.Select(p => $"{p.Key} {p.Value}"));
        return string.Create(c,
            $"| {file} | {correct.Count} | {exportedCorrect} | {exportedCorrect / (double)Math.Max(1, correct.Count):P1} | {replaced} | {summary.RejectedByReason.GetValueOrDefault(RejectReasons.AnswerNotReached)} | {cut} | {notGold} | {notReached} | {notShorter} | {twice} |");
    }
}

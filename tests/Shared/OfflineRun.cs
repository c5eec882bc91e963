using System.Text.Json;
using Drp.Core.Answers;
using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Tests;

/// <summary>
/// <c>drp run</c> with the offline teacher over a file, read back as its user would: every validated record, the
/// exported ones in the order of <c>train.jsonl</c>, and its lines. What the integrity tests and bench look at.
/// </summary>
public sealed record OfflineRun(RunSummary Summary, List<DrpRecord> Validated, List<DrpRecord> Exported, string[] Train)
{
    public static async Task<OfflineRun> RunAsync(string input, LoadOptions load, string dir)
    {
        var summary = await RunPipeline.RunAsync(new RunOptions(input, dir, load, new HeuristicTeacher(), TokenCounters.Create(TokenCounters.Default))
        {
            Parallelism = Environment.ProcessorCount,
        });
        var validated = File.ReadLines(Path.Combine(dir, RunDirectory.Validated)).Select(l => JsonSerializer.Deserialize(l, DrpJson.TypeInfo<DrpRecord>())!).ToList();
        return new(summary, validated, validated.Where(ExportStage.IsExportable).ToList(), File.ReadAllLines(Path.Combine(dir, RunDirectory.Train)));
    }

    /// <summary>The ids of the records whose original trace is complete and correct.</summary>
    public HashSet<string> CorrectOriginals() =>
        Validated.Where(r => r.Trace is { Complete: true } && r.Gold is not null && Grader.GradeTrace(r.Trace, r.Gold).Ok).Select(r => r.Id).ToHashSet();

    /// <summary>The share of the correct originals that is exported.</summary>
    public double ExportShare(HashSet<string> correct) => Exported.Count(r => correct.Contains(r.Id)) / (double)Math.Max(1, correct.Count);
}

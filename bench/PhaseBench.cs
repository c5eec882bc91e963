using System.Diagnostics;
using System.Globalization;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Bench;

/// <summary>Where the time of one record goes: each phase of the offline pipeline timed alone on one thread.</summary>
public static class PhaseBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        var file = TraceFile.All[0];
        var clock = Stopwatch.StartNew();
        var records = new List<DrpRecord>();
        for (var copy = 0; copy < 4; copy++)
        {
            await foreach (var record in RecordLoader.LoadAsync(Path.Combine(data, "traces", file.Name), file.Load))
            {
                records.Add(record with { Id = $"{copy}-{record.Id}" });
            }
        }

        var phases = new List<(string Name, double Ms)> { ("load", clock.Elapsed.TotalMilliseconds) };
        var teacher = new HeuristicTeacher();
        var tokens = TokenCounters.Create("o200k");
        var decompose = new DecomposeStage(teacher);
        var prune = new PruneStage(teacher, tokens);

        T Time<T>(string name, Func<T> work)
        {
            var start = Stopwatch.GetTimestamp();
            var result = work();
            phases.Add((name, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
            return result;
        }

        var decomposed = Time("decompose", () => records.Select(r => decompose.ProcessAsync(r).Result).ToList());
        var pruned = Time("prune + tokens", () => decomposed.Select(r => prune.ProcessAsync(r).Result).ToList());
        Time("tokens alone", () => pruned.Sum(r => r.Trace is null ? 0 : tokens.Count(r.Trace.Reasoning) + tokens.Count(r.Pruned?.Reasoning ?? "")));
        var validated = Time("validate", () => pruned.Select(ValidateStage.Validate).ToList());
        var lines = Time("serialize x3", () => decomposed.Concat(pruned).Concat(validated).Select(DrpJson.Serialize).ToList());
        Time("export lines", () => validated.Where(ExportStage.IsExportable).Select(r => ExportStage.ToLine(r, new())).ToList());
        output.WriteLine($"phases over {records.Count} QwQ GSM8K records ({lines.Sum(l => l.Length) / 1e6:F0} M characters of output), ms per 1,000 records:");
        foreach (var (name, ms) in phases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {ms / records.Count * 1000,8:F0}"));
        }
    }
}

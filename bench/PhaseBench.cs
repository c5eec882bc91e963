using System.Diagnostics;
using System.Globalization;
using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Bench;

/// <summary>
/// Where the time of one record goes: each phase of the offline pipeline timed alone on one thread, the fastest of
/// three passes over the records after a first that compiles the code (as the start of a long run does). The records
/// of a phase are kept for the next, which a run never does: what a phase allocates costs more here than in drp run
/// (measure a change with drp run itself, alternating the old and new build).
/// </summary>
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

        var loaded = clock.Elapsed.TotalMilliseconds;
        var teacher = new HeuristicTeacher();
        var tokens = TokenCounters.Create("o200k");
        var decompose = new DecomposeStage(teacher);
        var prune = new PruneStage(teacher, tokens);
        var phases = new Dictionary<string, double> { ["load (first pass)"] = loaded };

        T Time<T>(string name, Func<T> work)
        {
            var start = Stopwatch.GetTimestamp();
            var result = work();
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            phases[name] = phases.TryGetValue(name, out var fastest) ? Math.Min(fastest, ms) : ms;
            return result;
        }

        List<byte[]> lines = [];
        for (var pass = 0; pass < 4; pass++)
        {
            if (pass == 1)
            {
                phases = phases.Where(p => p.Key.StartsWith("load")).ToDictionary();
            }

            var decomposed = Time("decompose", () => records.Select(r => decompose.ProcessAsync(r).Result).ToList());
            var pruned = Time("prune + tokens", () => decomposed.Select(r => prune.ProcessAsync(r).Result).ToList());
            Time("tokens alone", () => pruned.Sum(r => r.Trace is null ? 0 : tokens.Count(r.Trace.Reasoning) + tokens.Count(r.Pruned?.Reasoning ?? "")));
            var validated = Time("validate", () => pruned.Select(r => ValidateStage.Validate(r)).ToList());
            lines = Time("serialize x3", () => decomposed.Concat(pruned).Concat(validated).Select(DrpJson.SerializeUtf8).ToList());
            Time("export lines", () => validated.Where(ExportStage.IsExportable).Select(r => ExportStage.ToLine(r, new())).ToList());
        }

        output.WriteLine($"phases over {records.Count} QwQ GSM8K records ({lines.Sum(l => l.Length) / 1e6:F0} MB of output), ms per 1,000 records:");
        foreach (var (name, ms) in phases)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {ms / records.Count * 1000,8:F0}"));
        }
    }
}

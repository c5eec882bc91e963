using System.Globalization;
using Drp.Core.Faithfulness;
using Drp.Core.Model;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>The faithfulness check over the offline teacher's pruned traces of every real trace file: findings must be 0.</summary>
public static class FaithfulnessBench
{
    public static async Task RunAsync(string data, TextWriter output)
    {
        output.WriteLine("faithfulness of the offline teacher's pruned traces (drp run, offline teacher): findings must be 0");
        output.WriteLine();
        output.WriteLine("| file | pruned | exported | false_computation | unsupported_number | missing_step |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        var examples = new List<string>();
        foreach (var file in TraceFile.In(data))
        {
            var dir = Path.Combine(Path.GetTempPath(), "drp-faith-" + Guid.NewGuid().ToString("N"));
            try
            {
                var run = await OfflineRun.RunAsync(Path.Combine(data, "traces", file.Name), file.Load, dir);
                var pruned = run.Validated.Where(r => r.Pruned is not null && r.Trace is not null).ToList();
                var findings = pruned.SelectMany(r => FaithfulnessCheck.Check(r.Question, r.Trace!.Reasoning, r.Pruned!.Reasoning).Select(f => (r.Id, f))).ToList();
                var counts = findings.CountBy(f => f.f.Kind).ToDictionary();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {file.Name} | {pruned.Count} | {run.Exported.Count} | {string.Join(" | ", FindingKinds.All.Select(k => counts.GetValueOrDefault(k)))} |"));
                examples.AddRange(findings.Select(f => $"  {file.Name} {f.Id} {f.f.Kind}: {f.f.Detail}\n      in: {f.f.Sentence}"));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        output.WriteLine();
        foreach (var example in examples)
        {
            output.WriteLine(example);
        }
    }
}

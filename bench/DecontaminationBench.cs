using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Drp.Core.Hygiene;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Bench;

/// <summary>
/// <c>--decontaminate</c> on the real data: (1) how many records of each trace file each benchmark file flags (a trace
/// file must be flagged against the benchmark its questions come from, all of it, and against no other); (2) the index
/// look-up alone, in records a second; (3) <c>drp export</c> of N validated records with and without
/// <c>--decontaminate</c> against the GSM8K, MATH-500 and AIME files, side by side, with peak memory.
/// </summary>
public static class DecontaminationBench
{
    private static readonly string[] Benchmarks = ["gsm8k-test.jsonl", "gsm8k-train.jsonl", "math500.jsonl", "aime24.jsonl", "aime25.jsonl", "aime-1983-2023.json"];

    /// <summary>What a user decontaminates a GSM8K, MATH or AIME training set against.</summary>
    private static readonly string[] Evaluation = ["gsm8k-test.jsonl", "math500.jsonl", "aime24.jsonl", "aime25.jsonl"];

    public static async Task RunAsync(string data, IReadOnlyList<int> sizes, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var folder = Path.Combine(data, "benchmarks");
        var indexes = new Dictionary<string, BenchmarkIndex>();
        foreach (var name in Benchmarks.Where(b => File.Exists(Path.Combine(folder, b))))
        {
            indexes[name] = await BenchmarkIndex.LoadAsync([Path.Combine(folder, name)], FieldMap.Auto);
        }

        output.WriteLine("decontamination: records of each trace file flagged against each benchmark file (13-word runs, numbers as placeholders, covering half of a benchmark question)");
        output.WriteLine();
        output.WriteLine($"| trace file | records | {string.Join(" | ", indexes.Keys)} |");
        output.WriteLine($"|---|---:|{string.Concat(indexes.Keys.Select(_ => "---:|"))}");
        var questions = new List<string>();
        foreach (var file in TraceFile.In(data))
        {
            var records = new List<DrpRecord>();
            await foreach (var record in RecordLoader.LoadAsync(Path.Combine(data, "traces", file.Name), file.Load))
            {
                records.Add(record);
            }

            questions.AddRange(records.Select(r => r.Question).OfType<string>());
            var counts = indexes.Values.Select(index => records.Count(r => r.Question is { } q && index.Find(q) is not null));
            output.WriteLine($"| {file.Name} | {records.Count} | {string.Join(" | ", counts)} |");
        }

        var all = await BenchmarkIndex.LoadAsync([.. Evaluation.Select(b => Path.Combine(folder, b)).Where(File.Exists)], FieldMap.Auto);
        var clock = Stopwatch.StartNew();
        var lookups = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(2))
        {
            foreach (var question in questions)
            {
                all.Find(question);
            }

            lookups += questions.Count;
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"  index look-up against {string.Join(", ", Evaluation)} ({all.Count} questions): {lookups / clock.Elapsed.TotalSeconds:F0} records/s (one thread; budget at least 50,000)"));
        await ExportCostAsync(data, sizes, string.Join(",", Evaluation.Select(b => Path.Combine(folder, b)).Where(File.Exists)), output);
    }

    /// <summary><c>drp export</c> of the QwQ run's validated records replicated to each size, with and without --decontaminate, alternated.</summary>
    private static async Task ExportCostAsync(string data, IReadOnlyList<int> sizes, string benchmarks, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var drp = PublishedDrp.Path;
        var work = Directory.CreateTempSubdirectory("drp-decontamination-").FullName;
        try
        {
            var qwq = TraceFile.All[0];
            var run = await Drp.Tests.OfflineRun.RunAsync(Path.Combine(data, "traces", qwq.Name), qwq.Load, Path.Combine(work, "run"));
            var lines = File.ReadAllLines(Path.Combine(work, "run", RunDirectory.Validated));
            foreach (var size in sizes)
            {
                var input = Path.Combine(work, $"validated-{size}.jsonl");
                await using (var writer = new StreamWriter(input))
                {
                    for (var i = 0; i < size; i++)
                    {
                        var record = JsonNode.Parse(lines[i % lines.Length])!;
                        record["id"] = $"{record["id"]}-{i / lines.Length}";
                        await writer.WriteLineAsync(record.ToJsonString());
                    }
                }

                var plain = new List<(double Seconds, double PeakMb)>();
                var decontaminated = new List<(double Seconds, double PeakMb)>();
                for (var pair = 0; pair < 2; pair++)
                {
                    plain.Add(await ThroughputBench.Measure(["dotnet", drp, "export", input, "-o", Path.Combine(work, "train.jsonl"), "-q"]));
                    decontaminated.Add(await ThroughputBench.Measure(["dotnet", drp, "export", input, "-o", Path.Combine(work, "train.jsonl"), "--decontaminate", benchmarks, "-q"]));
                }

                var (without, with) = (plain.Min(m => m.Seconds), decontaminated.Min(m => m.Seconds));
                output.WriteLine(string.Create(c,
                    $"  drp export of {size} validated records: {without:F1} s without --decontaminate, {with:F1} s with it: {with / without - 1:+0.0%;-0.0%} (budget +10%); " +
                    $"peak {plain.Max(m => m.PeakMb):F0} MB without, {decontaminated.Max(m => m.PeakMb):F0} MB with"));
                File.Delete(input);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}

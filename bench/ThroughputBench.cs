using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Drp.Core.Io;
using Drp.Tests;

namespace Drp.Bench;

/// <summary>
/// End-to-end <c>drp run</c> with the offline teacher on the QwQ GSM8K traces replicated to N records, next to the
/// ceiling of the same machinery doing no work (<c>drp validate</c> on the raw records: read, parse, write), with the
/// peak resident memory of each process.
/// </summary>
public static class ThroughputBench
{
    public static async Task RunAsync(string data, IReadOnlyList<int> sizes, TextWriter output)
    {
        var drp = PublishedDrp.Path;
        var work = Directory.CreateTempSubdirectory("drp-throughput-").FullName;
        var c = CultureInfo.InvariantCulture;
        try
        {
            output.WriteLine("offline pipeline throughput (qwq-32b.gsm8k.part1 replicated; run = drp run, ceiling = drp validate on the same input: read, parse, write, no work):");
            foreach (var size in sizes)
            {
                var input = Path.Combine(work, $"qwq-{size}.jsonl");
                var (bytes, distinct) = await ReplicateAsync(Path.Combine(data, "traces", "qwq-32b.gsm8k.part1.json"), input, size);
                var megabytes = bytes / 1e6;
                var ceiling = await Measure(["dotnet", drp, "validate", input, "-o", Path.Combine(work, "ceiling.jsonl"), "-q"]);
                var run = await Measure(["dotnet", drp, "run", input, "--out", Path.Combine(work, $"run-{size}"), "-q"]);
                output.WriteLine(await FaithfulnessCostAsync(drp, input, Path.Combine(work, "cost")));
                output.WriteLine(string.Create(c,
                    $"  {size} records ({megabytes:F0} MB): run {size / run.Seconds:F0} records/s, {megabytes / run.Seconds:F1} MB/s, peak {run.PeakMb:F0} MB; " +
                    $"ceiling {size / ceiling.Seconds:F0} records/s, peak {ceiling.PeakMb:F0} MB; run/ceiling {ceiling.Seconds / run.Seconds:P0}"));
                var floor = await InstantTeacher.TimeRunAsync(input, Path.Combine(work, $"run-{size}"), distinct, Path.Combine(work, "floor"));
                output.WriteLine(string.Create(c,
                    $"  the same run with a teacher that answers at once (in the bench's process, no start-up): {floor.TotalSeconds:F2} s, " +
                    $"{size / floor.TotalSeconds:F0} records/s: at most {ceiling.Seconds / floor.TotalSeconds:P0} of the ceiling for any teacher"));
                Directory.Delete(Path.Combine(work, "floor"), recursive: true);
                var document = await AsJsonDocumentAsync(input, Path.Combine(work, $"qwq-{size}.json"));
                var fromDocument = await Measure(["dotnet", drp, "validate", document, "-o", Path.Combine(work, "ceiling.jsonl"), "-q"]);
                output.WriteLine(string.Create(c,
                    $"  the same records as one JSON document ({{\"tasks\": [...]}}): drp validate {size / fromDocument.Seconds:F0} records/s, peak {fromDocument.PeakMb:F0} MB"));
                File.Delete(document);
                if (size == sizes[0])
                {
                    output.WriteLine(await KillsAsync(drp, input, Path.Combine(work, $"run-{size}"), Path.Combine(work, "killed"), kills: 20, TimeSpan.FromSeconds(run.Seconds)));
                }

                Directory.Delete(Path.Combine(work, $"run-{size}"), recursive: true);
                File.Delete(input);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The faithfulness check's cost: runs without it (--faithfulness off) and with it, alternated so that both meet the
    /// same load on the machine, each side's best time against the other's.
    /// </summary>
    private static async Task<string> FaithfulnessCostAsync(string drp, string input, string directory)
    {
        var with = new List<double>();
        var without = new List<double>();
        for (var pair = 0; pair < 2; pair++)
        {
            without.Add((await Measure(["dotnet", drp, "run", input, "--out", directory, "--faithfulness", "off", "--force", "-q"])).Seconds);
            with.Add((await Measure(["dotnet", drp, "run", input, "--out", directory, "--force", "-q"])).Seconds);
        }

        Directory.Delete(directory, recursive: true);
        var c = CultureInfo.InvariantCulture;
        return string.Create(c,
            $"  faithfulness check: best of {with.Count} runs with it {with.Min():F1} s, best of {without.Count} without it (--faithfulness off) {without.Min():F1} s: " +
            $"{with.Min() / without.Min() - 1:+0.0%;-0.0%} (budget +10%; all runs with it: {string.Join(", ", with.Select(t => t.ToString("F1", c)))} s, without: {string.Join(", ", without.Select(t => t.ToString("F1", c)))} s)");
    }

    /// <summary>
    /// SIGKILLs <c>drp run</c> at random moments of its run (before 70% of the uninterrupted run's time) until it has
    /// been killed that many times, restarting it each time and letting it finish: every output must equal the
    /// uninterrupted run's, byte for byte.
    /// </summary>
    private static async Task<string> KillsAsync(string drp, string input, string reference, string directory, int kills, TimeSpan runTime)
    {
        var random = new Random(11);
        var killed = 0;
        var identical = 0;
        string[] outputs = ["decomposed.jsonl", "pruned.jsonl", "validated.jsonl", "train.jsonl", "rejects.jsonl", "summary.json", "report.html"];
        var runs = 0;
        while (killed < kills && runs < 2 * kills)
        {
            runs++;
            var start = new ProcessStartInfo("dotnet", [drp, "run", input, "--out", directory, "-q"]) { UseShellExecute = false, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(random.Next(200, Math.Max(300, (int)(runTime.TotalMilliseconds * 0.7)))))
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }

            await process.WaitForExitAsync();
            await Measure(["dotnet", drp, "run", input, "--out", directory, "-q"]);
            identical += outputs.All(f => File.ReadAllBytes(Path.Combine(reference, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(directory, f)))) ? 1 : 0;
        }

        return $"  {killed} SIGKILLs of drp run at random moments, each followed by a restart: outputs identical to the uninterrupted run {identical} of {runs} times";
    }

    /// <summary>
    /// Writes the records again and again under new ids (<c>r{i}</c> is a copy of <c>r{i mod distinct}</c>) until
    /// there are <paramref name="size"/>; returns the bytes written and the number of distinct records.
    /// </summary>
    internal static async Task<(long Bytes, int Distinct)> ReplicateAsync(string source, string target, int size)
    {
        var load = new LoadOptions { RecordsKey = "tasks", Map = FieldMap.Parse("question=question,gold=correct_answer,trace=model_answers.thinking_model") };
        var lines = new List<JsonObject>();
        await foreach (var item in RawReader.ReadAsync(source, recordsKey: load.RecordsKey))
        {
            var value = item.Value!.Value;
            lines.Add(new JsonObject
            {
                ["question"] = value.GetProperty("question").GetString(),
                ["gold"] = value.GetProperty("correct_answer").GetString(),
                ["trace"] = value.GetProperty("model_answers").GetProperty("thinking_model").GetString(),
            });
        }

        await using var writer = new StreamWriter(target);
        for (var i = 0; i < size; i++)
        {
            var line = lines[i % lines.Count];
            line["id"] = $"r{i}";
            await writer.WriteLineAsync(line.ToJsonString(DrpJson.Line));
        }

        await writer.FlushAsync();
        return (writer.BaseStream.Length, lines.Count);
    }

    /// <summary>The records of a JSON Lines file as one JSON document holding them under "tasks".</summary>
    private static async Task<string> AsJsonDocumentAsync(string jsonl, string target)
    {
        await using var writer = new StreamWriter(target);
        await writer.WriteAsync("{\"meta\": {\"source\": \"drp bench\"}, \"tasks\": [\n");
        var first = true;
        await foreach (var line in File.ReadLinesAsync(jsonl))
        {
            await writer.WriteAsync(first ? line : ",\n" + line);
            first = false;
        }

        await writer.WriteAsync("\n]}\n");
        return target;
    }

    internal static async Task<(double Seconds, double PeakMb)> Measure(string[] command)
    {
        var start = new ProcessStartInfo(command[0], command[1..]) { UseShellExecute = false, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var peak = 0.0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakResidentMb(process.Id));
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        // Exit 4 is "nothing passed": what drp validate says of the raw records the ceiling reads.
        if (process.ExitCode is not (0 or 4))
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed: {await errors}");
        }

        return (seconds, peak);
    }

    /// <summary>VmHWM of /proc/PID/status: the process's peak resident memory so far.</summary>
    private static double PeakResidentMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

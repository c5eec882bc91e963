using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers.Llm;
using Drp.Core.Teachers.Llm.Batch;

namespace Drp.Cli.Commands;

/// <summary><c>drp status DIR</c>: where a run stands, from what its directory holds.</summary>
public static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var dir = new Argument<string>("dir") { Description = "A run directory (drp run --out DIR)" };
        var command = new Command("status", "Show where a run stands: its manifest, the outputs written, answers cached, counts and spend") { dir };
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async _ =>
        {
            var path = parse.GetValue(dir)!;
            if (!Directory.Exists(path))
            {
                throw new InputException($"{path}: no such run directory");
            }

            await console.Out.WriteAsync(await DescribeAsync(path, ct));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<string> DescribeAsync(string dir, CancellationToken ct)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = new List<string> { $"run {dir}" };
        var manifest = RunManifest.Read(dir);
        if (manifest is not null)
        {
            lines.Add($"  started as: drp {manifest.Command}");
            lines.Add($"  teacher: {manifest.Teacher}");
        }

        foreach (var file in new[] { RunDirectory.Decomposed, RunDirectory.Pruned, RunDirectory.Validated, RunDirectory.Train, RunDirectory.Rejects, RunDirectory.Summary })
        {
            var full = Path.Combine(dir, file);
            lines.Add(File.Exists(full)
                ? string.Create(c, $"  {file}: written, {new FileInfo(full).Length / 1e6:F1} MB")
                : $"  {file}: not yet (outputs appear complete when the run ends)");
        }

        lines.AddRange(BatchLines(dir, manifest?.PricePerMillionTokens));
        var cache = Path.Combine(dir, RunDirectory.Cache);
        if (Directory.Exists(cache))
        {
            lines.Add($"  teacher answers cached: {Directory.EnumerateFiles(cache, "*.json", SearchOption.AllDirectories).Count()} (a restart sends only the others)");
            var rejected = RejectedAnswers.CountByReason(cache);
            if (rejected.Count > 0)
            {
                lines.Add($"  teacher answers not accepted: {rejected.Values.Sum()} ({string.Join(", ", rejected.Select(r => $"{r.Key} {r.Value}"))}), as the model wrote them in {Path.Combine(cache, RejectedAnswers.FileName)}");
            }
        }

        if (File.Exists(Path.Combine(dir, RunDirectory.Summary)))
        {
            var summary = JsonSerializer.Deserialize(await File.ReadAllTextAsync(Path.Combine(dir, RunDirectory.Summary), ct), DrpJson.TypeInfo<RunSummary>())!;
            lines.Add($"  finished: {summary.RecordsIn} records, {summary.Exported} exported, {summary.Rejected} rejected");
            foreach (var (stage, usage) in summary.TeacherUsage ?? new Dictionary<string, StageUsage>())
            {
                lines.Add($"  {stage}: {usage.Requests} requests, {usage.CacheHits} from the cache, {usage.InputTokens} input and {usage.OutputTokens} output tokens");
            }

            if (summary.CostUsd is { } cost)
            {
                lines.Add(string.Create(c, $"  spend: ${cost:F4}"));
            }
        }
        else
        {
            lines.Add("  not finished: drp run with the same options continues it");
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>The batches of a <c>--batch</c> run: each file, its batch and state, failed requests, and what was paid so far.</summary>
    private static IEnumerable<string> BatchLines(string dir, Price? price)
    {
        var folder = Path.Combine(dir, RunDirectory.Batches);
        if (!File.Exists(Path.Combine(folder, BatchLog.FileName)))
        {
            yield break;
        }

        var state = new BatchLog(folder).Read();
        yield return $"  batches: {state.Parts.Count} in {state.LastRound} round(s), {state.Parts.Count(p => p.Ingested)} done";
        foreach (var part in state.Parts)
        {
            var where = part.Ingested ? "results in" : part.BatchId is null ? "uploaded, no batch yet" : "waiting";
            yield return $"    {part.Name}: {part.BatchId ?? part.FileId}, {part.Requests} requests, {part.Status ?? "created"}, {where}";
        }

        if (state.Failures.Count > 0)
        {
            yield return $"  requests that failed in a batch: {state.Failures.Count} (submitted again up to --batch-retries)";
        }

        var paid = state.Usage.Values.ToList();
        if (paid.Count > 0)
        {
            var spend = price is null ? "" : string.Create(CultureInfo.InvariantCulture, $", about ${paid.Sum(price.Batch().Cost):F4} at batch prices");
            yield return $"  batch answers so far: {paid.Sum(u => u.Requests)}, {paid.Sum(u => u.InputTokens)} input and {paid.Sum(u => u.OutputTokens)} output tokens{spend}";
        }
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers.Llm;

namespace Drp.Cli.Commands;

/// <summary><c>drp status DIR</c>: where a run stands, from what its directory holds.</summary>
public static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var dir = new Argument<string>("dir") { Description = "A run directory (drp run --out DIR), or a file in it" };
        var command = new Command("status", "Show where a run stands: its manifest, the outputs written, answers cached, counts and spend") { dir };
        common.AddLoggingTo(command);
        command.SetAction((parse, ct) => common.RunAsync(console, parse, async _ =>
        {
            await console.Out.WriteAsync(await DescribeAsync(RunFolderArgument.Resolve(parse.GetValue(dir)!), ct));
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

        lines.AddRange(BatchStatus.Lines(dir, manifest?.PricePerMillionTokens));
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
}

using System.Text.Json.Nodes;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Teachers.Llm.Batch;

/// <summary>Where one batch input file stands, as the log tells it.</summary>
public sealed record BatchPartState(string Name, int Round, string FileId, int Requests)
{
    public string? BatchId { get; init; }

    /// <summary>The batch's last status seen (validating, in_progress, completed, expired, failed…).</summary>
    public string? Status { get; init; }

    /// <summary>Its results are in the response cache (answers) and the log (failures).</summary>
    public bool Ingested { get; init; }
}

/// <summary>
/// <c>DIR/batches/log.jsonl</c>: every input file uploaded and every batch created, recorded the moment it exists,
/// then each batch's status and the requests that failed in it. A resumed run reads it back: it creates no batch
/// twice and resubmits a failed request only up to the limit.
/// </summary>
public sealed class BatchLog(string directory)
{
    public const string FileName = "log.jsonl";

    private readonly AppendLog log = new(Path.Combine(directory, FileName));

    public string Directory => directory;

    public void Uploaded(string part, int round, string fileId, int requests) =>
        log.Append(new JsonObject { ["event"] = "uploaded", ["part"] = part, ["round"] = round, ["file_id"] = fileId, ["requests"] = requests });

    public void Created(string part, string batchId) =>
        log.Append(new JsonObject { ["event"] = "created", ["part"] = part, ["batch_id"] = batchId });

    public void Status(string part, string status) =>
        log.Append(new JsonObject { ["event"] = "status", ["part"] = part, ["status"] = status });

    public void RequestFailed(string part, string key, string reason) =>
        log.Append(new JsonObject { ["event"] = "request_failed", ["part"] = part, ["key"] = key, ["reason"] = reason });

    /// <summary>The part's results are ingested, with what its answers cost per stage.</summary>
    public void Ingested(string part, int answers, int failures, IReadOnlyDictionary<string, StageUsage> usage)
    {
        var stages = new JsonObject();
        foreach (var (stage, u) in usage)
        {
            stages[stage] = new JsonObject
            {
                ["requests"] = u.Requests, ["input_tokens"] = u.InputTokens, ["cached_tokens"] = u.CachedTokens, ["output_tokens"] = u.OutputTokens,
            };
        }

        log.Append(new JsonObject { ["event"] = "ingested", ["part"] = part, ["answers"] = answers, ["failures"] = failures, ["usage"] = stages });
    }

    public BatchLogState Read()
    {
        var parts = new Dictionary<string, BatchPartState>(StringComparer.Ordinal);
        var failedIn = new Dictionary<string, (HashSet<string> Parts, string Reason)>(StringComparer.Ordinal);
        var usage = new UsageMeter();
        foreach (var entry in log.ReadAll())
        {
            var name = (string?)entry["part"] ?? "";
            switch ((string?)entry["event"])
            {
                case "uploaded":
                    parts[name] = new BatchPartState(name, (int)entry["round"]!, (string)entry["file_id"]!, (int)entry["requests"]!);
                    break;
                case "created" when parts.TryGetValue(name, out var part):
                    parts[name] = part with { BatchId = (string)entry["batch_id"]! };
                    break;
                case "status" when parts.TryGetValue(name, out var part):
                    parts[name] = part with { Status = (string)entry["status"]! };
                    break;
                case "request_failed":
                    // Counted once per part: a part ingested again after a kill adds nothing.
                    var key = (string)entry["key"]!;
                    var failed = failedIn.GetValueOrDefault(key).Parts ?? new HashSet<string>(StringComparer.Ordinal);
                    failed.Add(name);
                    failedIn[key] = (failed, (string)entry["reason"]!);
                    break;
                case "ingested" when parts.TryGetValue(name, out var part):
                    parts[name] = part with { Ingested = true };
                    foreach (var (stage, node) in entry["usage"]!.AsObject())
                    {
                        usage.AddTotals(stage, new StageUsage((long)node!["requests"]!, 0, (long)node["input_tokens"]!, (long)node["cached_tokens"]!, (long)node["output_tokens"]!));
                    }

                    break;
            }
        }

        var failures = failedIn.ToDictionary(f => f.Key, f => (f.Value.Parts.Count, f.Value.Reason), StringComparer.Ordinal);
        return new BatchLogState([.. parts.Values.OrderBy(p => p.Round).ThenBy(p => p.Name, StringComparer.Ordinal)], failures, usage.Snapshot());
    }
}

/// <summary>What the batch log says: every part, how often each request (by cache key) failed and why, and what was paid.</summary>
public sealed record BatchLogState(
    IReadOnlyList<BatchPartState> Parts,
    IReadOnlyDictionary<string, (int Count, string Reason)> Failures,
    IReadOnlyDictionary<string, StageUsage> Usage)
{
    public int LastRound => Parts.Count == 0 ? 0 : Parts.Max(p => p.Round);
}

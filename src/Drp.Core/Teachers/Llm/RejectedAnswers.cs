using System.Text.Json;
using System.Text.Json.Nodes;

namespace Drp.Core.Teachers.Llm;

/// <summary>
/// The teacher answers drp did not accept, kept beside the response cache (<see cref="FileName"/>, one JSON line
/// each: record, stage, attempt, reason, detail, the answer as the model wrote it), so that a user can read what the
/// model said. An answer read again from the cache on a rerun is not counted twice.
/// </summary>
public sealed class RejectedAnswers(string directory)
{
    public const string FileName = "rejected-answers.jsonl";

    private readonly Lock gate = new();

    public string File => Path.Combine(directory, FileName);

    /// <param name="final">The record was rejected for it (no retry left), else a corrective retry followed.</param>
    public void Add(string recordId, string stage, int attempt, string reason, string detail, bool final, string answer)
    {
        var line = new JsonObject
        {
            ["id"] = recordId,
            ["stage"] = stage,
            ["attempt"] = attempt,
            ["reason"] = reason,
            ["final"] = final,
            ["detail"] = detail,
            ["answer"] = answer,
        }.ToJsonString() + "\n";
        lock (gate)
        {
            Directory.CreateDirectory(directory);
            System.IO.File.AppendAllText(File, line);
        }
    }

    /// <summary>The answers kept in <paramref name="directory"/>, by reason (each record, stage and attempt once; a line cut by a kill is skipped).</summary>
    public static IReadOnlyDictionary<string, int> CountByReason(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!System.IO.File.Exists(path))
        {
            return new Dictionary<string, int>();
        }

        var seen = new HashSet<string>();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in System.IO.File.ReadLines(path))
        {
            try
            {
                var entry = JsonNode.Parse(line)!;
                if (seen.Add($"{entry["id"]}\u0001{entry["stage"]}\u0001{entry["attempt"]}"))
                {
                    var reason = entry["reason"]!.GetValue<string>();
                    counts[reason] = counts.GetValueOrDefault(reason) + 1;
                }
            }
            catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException)
            {
            }
        }

        return counts;
    }
}

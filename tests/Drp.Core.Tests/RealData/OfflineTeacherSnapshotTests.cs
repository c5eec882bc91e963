using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Tests.RealData;

/// <summary>
/// What the offline teacher makes of every record of the five real trace files, one compact line per record (the hash
/// of its steps and of its pruned reasoning with the step actions, or why it was rejected; the pruned text itself for every 40th record),
/// compared with the accepted snapshot in Golden/offline-teacher.jsonl, pruned with --explain (every step must name
/// the rule that decided it, and the output must not move). A change to a rule shows here as the records it moved. After reading what moved, accept it with
/// <c>DRP_ACCEPT_GOLDEN=1 dotnet test --filter OfflineTeacherSnapshot</c> and commit the snapshot with the change.
/// </summary>
public sealed class OfflineTeacherSnapshotTests
{
    private const int SampleEvery = 40;

    private static readonly (string File, LoadOptions Load)[] TraceFiles =
    [
        ("qwq-32b.gsm8k.part1.json", ThinkingLlms),
        ("r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlms),
        ("r1-distill-llama-8b.gsm8k.json", ThinkingLlms),
        ("r1-distill-qwen-14b.math500.json", ThinkingLlms),
        ("r1-distill-qwen-7b.aime24.jsonl", new LoadOptions { Map = FieldMap.Parse("question=question,gold=gt,trace=code[0]") }),
    ];

    private static LoadOptions ThinkingLlms => new()
    {
        RecordsKey = "tasks",
        Map = FieldMap.Parse("question=question,gold=correct_answer,trace=model_answers.thinking_model"),
    };

    private static string SnapshotPath => Path.Combine(TestPaths.RepoRoot, "tests", "Drp.Core.Tests", "RealData", "Golden", "offline-teacher.jsonl");

    [SharedDataFact]
    public async Task OfflineTeacherSnapshot_every_record_of_the_trace_files_is_pruned_as_accepted()
    {
        var actual = new List<string>();
        foreach (var (file, load) in TraceFiles)
        {
            actual.AddRange(await SnapshotAsync(file, load));
        }

        if (Environment.GetEnvironmentVariable("DRP_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllLines(SnapshotPath, actual);
        }

        Assert.True(File.Exists(SnapshotPath), $"no snapshot yet: run DRP_ACCEPT_GOLDEN=1 dotnet test --filter OfflineTeacherSnapshot to create {SnapshotPath}");
        var moved = Moved(File.ReadAllLines(SnapshotPath), actual);
        Assert.True(moved.Count == 0,
            $"the offline teacher's output moved on {moved.Count} records:\n{string.Join("\n", moved.Take(30))}\n"
            + "read what moved (drp run FILE … then the record's pruned text), then accept it with DRP_ACCEPT_GOLDEN=1 dotnet test --filter OfflineTeacherSnapshot");
    }

    /// <summary>One line per record of a file, in the file's order.</summary>
    private static async Task<List<string>> SnapshotAsync(string file, LoadOptions load)
    {
        // With --explain, which must not change what is pruned: the snapshot was taken without it.
        var teacher = new HeuristicTeacher { Explain = true };
        var decompose = new DecomposeStage(teacher);
        var prune = new PruneStage(teacher, TokenCounters.Create(TokenCounters.Default));
        var lines = new List<string>();
        var position = 0;
        await foreach (var loaded in RecordLoader.LoadAsync(TestPaths.Shared($"traces/{file}"), load))
        {
            var record = await prune.ProcessAsync(await decompose.ProcessAsync(loaded));
            var line = new JsonObject { ["file"] = file, ["id"] = record.Id };
            if (record.Steps is { } steps)
            {
                line["steps"] = Hash(string.Join("\n", steps.Select(s => $"{s.Skill}\t{s.Text}")));
            }

            if (record.Pruned is { } pruned)
            {
                var unexplained = record.Steps!.Where(step => !pruned.Actions.Any(a => a.Why!.Any(w => w.Step == step.N))).Select(step => step.N).ToList();
                Assert.True(unexplained.Count == 0, $"{file} {record.Id}: no rule for steps {string.Join(", ", unexplained)}");
                line["pruned"] = Hash(pruned.Reasoning + "\n" + string.Join(";", pruned.Actions.Select(a => $"{a.Action} {string.Join(',', a.Steps)}")));
                if (position % SampleEvery == 0)
                {
                    line["text"] = pruned.Reasoning;
                }
            }

            if (record.Rejected is { } rejected)
            {
                line["rejected"] = rejected.Reason;
            }

            lines.Add(line.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            position++;
        }

        return lines;
    }

    /// <summary>The records whose line differs, named by file and id with what moved.</summary>
    private static List<string> Moved(string[] accepted, List<string> actual)
    {
        static Dictionary<string, JsonObject> ByRecord(IEnumerable<string> lines) =>
            lines.Select(l => JsonNode.Parse(l)!.AsObject()).ToDictionary(o => $"{o["file"]} {o["id"]}");

        var before = ByRecord(accepted);
        var after = ByRecord(actual);
        var moved = new List<string>();
        foreach (var (key, line) in after)
        {
            if (!before.TryGetValue(key, out var old))
            {
                moved.Add($"{key}: new record");
                continue;
            }

            var changed = new[] { "steps", "pruned", "rejected" }.Where(field => old[field]?.ToJsonString() != line[field]?.ToJsonString()).ToList();
            if (changed.Count > 0)
            {
                moved.Add($"{key}: {string.Join(", ", changed)} changed");
            }
        }

        moved.AddRange(before.Keys.Where(key => !after.ContainsKey(key)).Select(key => $"{key}: no longer in the file"));
        return moved;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}

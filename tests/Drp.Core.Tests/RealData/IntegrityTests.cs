using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Answers;
using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Tests.RealData;

/// <summary>
/// Every exported line of an offline run over the real traces read back as a user would, with checks of the test's
/// own: the text after &lt;/think&gt; complete and equal to the gold, the closing sentence derived, the trace shorter,
/// the answer stated once; and how much of the correct originals is exported.
/// </summary>
public sealed class IntegrityTests
{
    private const string ThinkingLlmsInterp = "question=question,gold=correct_answer,trace=model_answers.thinking_model";

    private static Task<OfflineRun> RunAsync(string file, string map, string dir) =>
        OfflineRun.RunAsync(TestPaths.Shared($"traces/{file}"), new LoadOptions { Map = FieldMap.Parse(map) }, dir);

    [SharedDataTheory]
    [InlineData("qwq-32b.gsm8k.part1.json", ThinkingLlmsInterp, 0.95)]
    [InlineData("r1-distill-qwen-7b.aime24.jsonl", "question=question,gold=gt,trace=code[0]", 0.95)]
    [InlineData("r1-distill-qwen-1.5b.gsm8k.json", ThinkingLlmsInterp, 0.75)]
    [InlineData("r1-distill-llama-8b.gsm8k.json", ThinkingLlmsInterp, 0.75)]
    [InlineData("r1-distill-qwen-14b.math500.json", ThinkingLlmsInterp, 0.90)]
    public async Task Every_exported_line_is_complete_correct_derived_shorter_and_states_its_answer_once(string file, string map, double minShare)
    {
        using var dir = new TempDir();
        var run = await RunAsync(file, map, dir.Path);
        var (exported, train) = (run.Exported, run.Train);
        Assert.Equal(exported.Count, train.Length);

        for (var i = 0; i < train.Length; i++)
        {
            var failed = TrainingLineChecks.Violations(exported[i], train[i]).ToList();
            Assert.True(failed.Count == 0, $"{exported[i].Id}: {string.Join("; ", failed.Select(f => $"{f.Check}: {f.Detail}"))}");
        }

        var correct = run.CorrectOriginals();
        var share = run.ExportShare(correct);
        Assert.True(share >= minShare, $"{file}: {share:P1} of the {correct.Count} correct originals exported, below {minShare:P0}");
        Assert.Equal(exported.Count(r => r.Validation!.AnswerReplaced is not null), run.Summary.AnswersReplaced.Values.Sum());

        // The offline teacher only deletes and trims: the faithfulness check finds nothing it says that the student did not.
        var unfaithful = run.Validated.Where(r => r.Validation?.Findings is { Count: > 0 }).ToList();
        Assert.True(unfaithful.Count == 0, string.Join("\n", unfaithful.Select(r => $"{r.Id}: {ValidateStage.Describe(r.Validation!.Findings!)}")));
        Assert.Empty(run.Summary.Faithfulness!);
    }

    /// <summary>The records the integrity work was about, their training line or why they are held back.</summary>
    [SharedDataFact]
    public async Task The_named_records_export_the_golden_lines()
    {
        var named = new (string File, string[] Ids)[]
        {
            ("qwq-32b.gsm8k.part1.json", ["cb4f881b8239086f", "5dbf32a9330787c0", "916ea9ff9f346bec", "75215d70abd7a8fe"]),
            ("r1-distill-qwen-1.5b.gsm8k.json", ["ec81394ad4d83fcf", "e2723214cb65d08e", "b8737ce7cc910c7f", "98abeef0ceb33304"]),
            ("r1-distill-qwen-14b.math500.json", ["bf022085c4805233", "6ffc3db8821649e2"]),
        };
        var actual = new List<string>();
        foreach (var (file, ids) in named)
        {
            using var dir = new TempDir();
            var run = await RunAsync(file, ThinkingLlmsInterp, dir.Path);
            var exported = run.Exported.Select(r => r.Id).ToList();
            foreach (var id in ids)
            {
                var record = run.Validated.Single(r => r.Id == id);
                var line = new JsonObject { ["file"] = file, ["id"] = id };
                if (record.Rejected is { } rejected)
                {
                    line["rejected"] = rejected.Reason;
                }
                else
                {
                    line["answer_replaced"] = record.Validation!.AnswerReplaced;
                    line["train"] = JsonNode.Parse(run.Train[exported.IndexOf(id)]);
                }

                actual.Add(line.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
        }

        var golden = Path.Combine(TestPaths.RepoRoot, "tests", "Drp.Core.Tests", "RealData", "Golden", "integrity.jsonl");
        if (Environment.GetEnvironmentVariable("DRP_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllLines(golden, actual);
        }

        Assert.True(File.Exists(golden), $"no golden file yet: run DRP_ACCEPT_GOLDEN=1 dotnet test to create {golden}");
        Assert.Equal(File.ReadAllLines(golden), actual);
    }
}

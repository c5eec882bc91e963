using Drp.Core.Answers;
using Drp.Core.Export;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Tokens;

namespace Drp.Core.Tests.RealData;

/// <summary>The pipeline on the real traces and benchmarks in ../shared/data.</summary>
public sealed class RealDataTests
{
    public static TheoryData<string> DataFiles()
    {
        var files = new TheoryData<string>();
        if (TestPaths.SharedData is { } root)
        {
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                         .Where(f => f.EndsWith(".json") || f.EndsWith(".jsonl") || f.EndsWith(".csv"))
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}tokenizers{Path.DirectorySeparatorChar}"))
                         .Order())
            {
                files.Add(Path.GetRelativePath(root, file));
            }
        }
        else
        {
            files.Add("(no shared data)");
        }

        return files;
    }

    [SharedDataTheory]
    [MemberData(nameof(DataFiles))]
    public async Task Every_data_file_loads_without_a_malformed_record(string relative)
    {
        var path = TestPaths.Shared(relative);
        var count = 0;
        await foreach (var record in RecordLoader.LoadAsync(path, new LoadOptions()))
        {
            count++;
            Assert.NotEqual(RejectReasons.MalformedRecord, record.Rejected?.Reason);
        }

        Assert.True(count > 0, $"{relative}: no records");
    }

    [SharedDataTheory]
    [InlineData("qwq-32b.gsm8k.part1.json", "tasks", "question=question,gold=correct_answer,trace=model_answers.thinking_model", 243)]
    [InlineData("r1-distill-qwen-7b.aime24.jsonl", null, "question=question,gold=gt,trace=code[0]", 30)]
    [InlineData("r1-distill-qwen-1.5b.gsm8k.json", null, null, 500)]
    public async Task Run_on_real_traces_exports_right_answers_only_and_accounts_for_every_record(
        string file, string? recordsKey, string? map, int records)
    {
        using var dir = new TempDir();
        var load = new LoadOptions { RecordsKey = recordsKey, Map = FieldMap.Parse(map) };
        var options = new RunOptions(TestPaths.Shared($"traces/{file}"), dir.Path, load, new HeuristicTeacher(), TokenCounters.Create("o200k"));

        var summary = await RunPipeline.RunAsync(options);

        Assert.Equal(records, summary.RecordsIn);
        Assert.Equal(records, summary.Exported + summary.Rejected);
        Assert.True(summary.KeepRatio < 0.75, $"keep ratio {summary.KeepRatio}");
        var validated = new List<DrpRecord>();
        await foreach (var record in RecordLoader.LoadAsync(dir.File(RunDirectory.Validated), new LoadOptions()))
        {
            validated.Add(record);
        }

        Assert.Equal(records, validated.Count);
        Assert.All(validated.Where(r => r.Rejected is not null), r => Assert.False(string.IsNullOrWhiteSpace(r.Rejected!.Detail)));
        var exported = validated.Where(ExportStage.IsExportable).ToList();
        Assert.Equal(summary.Exported, exported.Count);
        Assert.All(exported, r =>
        {
            Assert.True(AnswerEquivalence.AreEqual(r.Validation!.Extracted!, r.Gold!), $"{r.Id}: {r.Validation.Extracted} vs {r.Gold}");
            Assert.EndsWith(".", r.Pruned!.Reasoning);
            Assert.Contains("The answer is ", r.Pruned.Reasoning);
        });
    }

    [SharedDataTheory]
    [InlineData("benchmarks/gsm8k-test.jsonl")]
    [InlineData("benchmarks/gsm8k-test.drp.csv")]
    public async Task Gold_answers_join_from_a_benchmark_file_to_every_trace_of_its_problems(string benchmark)
    {
        var load = new LoadOptions
        {
            RecordsKey = "tasks",
            Map = FieldMap.Parse("question=question,trace=model_answers.thinking_model"),
            Gold = await GoldIndex.LoadAsync(TestPaths.Shared(benchmark)),
            RequireGold = true,
        };
        var records = new List<DrpRecord>();
        await foreach (var record in RecordLoader.LoadAsync(TestPaths.Shared("traces/qwq-32b.gsm8k.part1.json"), load))
        {
            records.Add(record);
        }

        Assert.Equal(243, records.Count);
        Assert.DoesNotContain(records, r => r.Rejected?.Reason == RejectReasons.MissingGold);
        Assert.Equal("60", records[0].Gold);
    }

    [SharedDataFact]
    public async Task Every_export_format_holds_the_same_qwq_records_in_its_documented_shape()
    {
        using var dir = new TempDir();
        var load = new LoadOptions { RecordsKey = "tasks", Map = FieldMap.Parse("question=question,gold=correct_answer,trace=model_answers.thinking_model") };
        await RunPipeline.RunAsync(new RunOptions(TestPaths.Shared("traces/qwq-32b.gsm8k.part1.json"), dir.Path, load, new HeuristicTeacher(), TokenCounters.Create("o200k")));
        var expectedKeys = new Dictionary<string, string[]>
        {
            [ExportFormat.SftJsonl] = ["instruction", "input", "output"],
            [ExportFormat.ShareGpt] = ["conversations"],
            [ExportFormat.Messages] = ["messages"],
            [ExportFormat.PromptCompletion] = ["prompt", "completion"],
        };
        var questions = new Dictionary<string, List<string>>();

        foreach (var format in ExportFormat.All)
        {
            var path = dir.File($"{format}.jsonl");
            await using (var exporter = Exporter.Create(path, TextWriter.Null, new ExportOptions { Format = format }))
            {
                await foreach (var record in RecordLoader.LoadAsync(dir.File(RunDirectory.Validated), new LoadOptions()))
                {
                    await exporter.WriteAsync(record);
                }

                await exporter.CommitAsync();
            }

            questions[format] = [];
            foreach (var line in File.ReadLines(path))
            {
                var root = System.Text.Json.JsonDocument.Parse(line).RootElement;
                Assert.Equal(expectedKeys[format], root.EnumerateObject().Select(p => p.Name));
                var (question, _, assistant) = TrainingLines.Read(line, format);
                var (reasoning, _) = TrainingLines.SplitAssistant(assistant);
                Assert.Contains("The answer is", reasoning);
                questions[format].Add(question);
            }
        }

        Assert.Equal(188, questions[ExportFormat.SftJsonl].Count);
        Assert.All(ExportFormat.All, format => Assert.Equal(questions[ExportFormat.SftJsonl], questions[format]));
    }

    [SharedDataFact]
    public async Task Stats_of_a_qwq_run_count_tokens_before_and_after_in_the_qwen2_tokenizer()
    {
        using var dir = new TempDir();
        var load = new LoadOptions { RecordsKey = "tasks", Map = FieldMap.Parse("question=question,gold=correct_answer,trace=model_answers.thinking_model") };
        await RunPipeline.RunAsync(new RunOptions(TestPaths.Shared("traces/qwq-32b.gsm8k.part1.json"), dir.Path, load, new HeuristicTeacher(), TokenCounters.Create("o200k")));
        var stats = new Drp.Core.Stats.StatsCollector("qwq", TokenCounters.Create(TestPaths.Shared("tokenizers/qwen2")));

        await foreach (var record in RecordLoader.LoadAsync(dir.File(RunDirectory.Validated), new LoadOptions()))
        {
            stats.Add(record);
        }

        var result = stats.Build();
        Assert.Equal("qwen2", result.Tokenizer);
        Assert.Equal(243, result.Records);
        Assert.Equal(188, result.Exported);
        Assert.InRange(result.TokensBefore.Mean, 1000, 1400);
        Assert.InRange(result.TokensAfter.Mean, 50, result.TokensBefore.Mean * 0.75);
        Assert.Equal(55, result.RejectedByReason[RejectReasons.IncompleteTrace]);
    }
}

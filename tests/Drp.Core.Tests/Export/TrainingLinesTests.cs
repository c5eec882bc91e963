using System.Text.Json;
using System.Text.Json.Nodes;
using Drp.Core.Export;

namespace Drp.Core.Tests.Export;

public sealed class TrainingLinesTests
{
    private static readonly TrainingExample Example = new("How many <b>eggs</b>?", "16 - 3 - 4 = 9.\n\nThe answer is 9.", "She sells \\boxed{9} eggs.");

    public static TheoryData<string, string?> FormatsWithAndWithoutSystem()
    {
        var data = new TheoryData<string, string?>();
        foreach (var format in ExportFormat.All)
        {
            data.Add(format, null);
            data.Add(format, "You are a careful math tutor.");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsWithAndWithoutSystem))]
    public void Every_format_round_trips_question_reasoning_answer_and_system(string format, string? system)
    {
        var line = TrainingLines.Write(Example, format, system);

        var (question, readSystem, assistant) = TrainingLines.Read(line, format);
        var (reasoning, answer) = TrainingLines.SplitAssistant(assistant);

        Assert.Equal(Example.Question, question);
        Assert.Equal(Example.Reasoning, reasoning);
        Assert.Equal(Example.Answer, answer);
        Assert.Equal(system, readSystem);
        Assert.DoesNotContain("\\u003C", line);
        Assert.DoesNotContain('\n', line);
    }

    [Theory]
    [InlineData("sft-jsonl", """{"instruction":"Q","input":"","output":"<think>\nR\n</think>\n\nA"}""")]
    [InlineData("sharegpt", """{"conversations":[{"from":"human","value":"Q"},{"from":"gpt","value":"<think>\nR\n</think>\n\nA"}]}""")]
    [InlineData("messages", """{"messages":[{"role":"user","content":"Q"},{"role":"assistant","content":"<think>\nR\n</think>\n\nA"}]}""")]
    [InlineData("prompt-completion", """{"prompt":"Q","completion":"<think>\nR\n</think>\n\nA"}""")]
    public void Each_format_has_the_documented_shape(string format, string expected)
    {
        var line = TrainingLines.Write(new TrainingExample("Q", "R", "A"), format);

        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(line)!.ToJsonString());
    }

    [Theory]
    [InlineData("sft-jsonl", """{"instruction":"Q","input":"","output":"<think>\nR\n</think>\n\nA","system":"S"}""")]
    [InlineData("sharegpt", """{"conversations":[{"from":"human","value":"Q"},{"from":"gpt","value":"<think>\nR\n</think>\n\nA"}],"system":"S"}""")]
    [InlineData("messages", """{"messages":[{"role":"system","content":"S"},{"role":"user","content":"Q"},{"role":"assistant","content":"<think>\nR\n</think>\n\nA"}]}""")]
    [InlineData("prompt-completion", """{"prompt":[{"role":"system","content":"S"},{"role":"user","content":"Q"}],"completion":[{"role":"assistant","content":"<think>\nR\n</think>\n\nA"}]}""")]
    public void A_system_turn_goes_where_each_format_keeps_it(string format, string expected)
    {
        var line = TrainingLines.Write(new TrainingExample("Q", "R", "A"), format, "S");

        Assert.Equal(JsonNode.Parse(expected)!.ToJsonString(), JsonNode.Parse(line)!.ToJsonString());
    }

    [Fact]
    public void Dataset_info_entries_match_each_format()
    {
        Assert.Equal(
            """{"file_name":"t.jsonl","columns":{"prompt":"instruction","query":"input","response":"output","system":"system"}}""",
            DatasetInfo.Entry(ExportFormat.SftJsonl, "t.jsonl", hasSystem: true).ToJsonString());
        Assert.Equal(
            """{"file_name":"t.jsonl","formatting":"sharegpt","columns":{"messages":"conversations"}}""",
            DatasetInfo.Entry(ExportFormat.ShareGpt, "t.jsonl", hasSystem: false).ToJsonString());
        var messages = DatasetInfo.Entry(ExportFormat.Messages, "t.jsonl", hasSystem: true);
        Assert.Equal("sharegpt", messages["formatting"]!.GetValue<string>());
        Assert.Equal("role", messages["tags"]!["role_tag"]!.GetValue<string>());
        Assert.Equal("assistant", messages["tags"]!["assistant_tag"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dataset_info_is_merged_into_an_existing_file()
    {
        using var dir = new TempDir();
        var path = dir.Write("dataset_info.json", """{"alpaca_en": {"file_name": "alpaca.json"}, "drp_train": {"file_name": "old.jsonl"}}""");

        await DatasetInfo.MergeAsync(path, [("drp_train", DatasetInfo.Entry(ExportFormat.SftJsonl, "new.jsonl", false))]);

        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Assert.Equal("alpaca.json", root.GetProperty("alpaca_en").GetProperty("file_name").GetString());
        Assert.Equal("new.jsonl", root.GetProperty("drp_train").GetProperty("file_name").GetString());
    }

    [Fact]
    public void The_split_depends_only_on_id_ratio_and_seed()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"record-{i}").ToList();
        var split = new SplitAssigner(0.05, 1);

        var validation = ids.Where(split.IsValidation).ToList();

        Assert.InRange(validation.Count, 400, 600);
        Assert.Equal(validation, ids.Where(new SplitAssigner(0.05, 1).IsValidation));
        Assert.NotEqual(validation, ids.Where(new SplitAssigner(0.05, 2).IsValidation));
        // Pinned (computed independently with SHA-256 of "1\0record-N"): the same ids on every machine and version.
        Assert.Equal(["record-71", "record-122", "record-130"], validation.Take(3));
        Assert.Equal(467, validation.Count);
    }
}

using System.Text.Json;
using Drp.Core.Io;
using Drp.Core.Model;

namespace Drp.Core.Tests.Io;

public sealed class RecordMapperTests
{
    private static DrpRecord Map(string json, LoadOptions? options = null) =>
        RecordMapper.Map(RawItem.Ok("in.jsonl:3", JsonDocument.Parse(json).RootElement), "in", options ?? new LoadOptions()).Record;

    [Fact]
    public void Usual_field_names_are_found_without_a_map()
    {
        var record = Map("""{"problem": "How many?", "gt": "12", "response": "<think>Add.</think>The answer is 12."}""");

        Assert.Null(record.Rejected);
        Assert.Equal("How many?", record.Question);
        Assert.Equal("12", record.Gold);
        Assert.Equal("Add.", record.Trace!.Reasoning);
        Assert.Equal("The answer is 12.", record.Trace.Answer);
        Assert.Equal("in", record.Source);
    }

    [Fact]
    public void Gsm8k_gold_is_the_number_after_the_hashes()
    {
        var record = Map("""{"question": "q", "answer": "2 + 3 = <<2+3=5>>5\n#### 5", "output": "x</think>y"}""");

        Assert.Equal("5", record.Gold);
    }

    [Fact]
    public void A_mapped_path_that_is_missing_rejects_the_record_naming_the_path_and_place()
    {
        var options = new LoadOptions { Map = FieldMap.Parse("trace=model_answers.thinking") };

        var record = Map("""{"question": "q", "model_answers": {"thinking_model": "x</think>y"}}""", options);

        Assert.Equal(RejectReasons.MissingTrace, record.Rejected!.Reason);
        Assert.Equal("in.jsonl:3: --map trace=model_answers.thinking: no field 'thinking' under 'model_answers'", record.Rejected.Detail);
    }

    [Fact]
    public void A_trace_without_closing_think_is_rejected_as_incomplete_and_kept()
    {
        var record = Map("""{"question": "q", "gold": "1", "response": "Okay, so we have"}""");

        Assert.Equal(RejectReasons.IncompleteTrace, record.Rejected!.Reason);
        Assert.False(record.Trace!.Complete);
        Assert.Contains("no </think>", record.Rejected.Detail);
    }

    [Fact]
    public void A_trace_of_only_closing_think_is_rejected_as_empty()
    {
        var record = Map("""{"question": "q", "gold": "1", "response": "</think>"}""");

        Assert.Equal(RejectReasons.EmptyReasoning, record.Rejected!.Reason);
    }

    [Fact]
    public void A_record_without_question_is_rejected_with_what_was_tried()
    {
        var record = Map("""{"gold": "1", "response": "a</think>b"}""");

        Assert.Equal(RejectReasons.MissingQuestion, record.Rejected!.Reason);
        Assert.Contains("tried question, problem, prompt", record.Rejected.Detail);
        Assert.Contains("--map question=PATH", record.Rejected.Detail);
    }

    [Fact]
    public void Missing_gold_rejects_only_when_required()
    {
        const string json = """{"question": "q", "response": "a</think>b"}""";

        Assert.Null(Map(json).Rejected);
        Assert.Equal(RejectReasons.MissingGold, Map(json, new LoadOptions { RequireGold = true }).Rejected!.Reason);
    }

    [Fact]
    public void Ids_come_from_the_input_or_from_a_stable_content_hash()
    {
        var withId = Map("""{"idx": 17, "question": "q", "response": "a</think>b"}""");
        var first = Map("""{"question": "q", "response": "a</think>b"}""");
        var again = Map("""{"question": "q", "response": "a</think>b"}""");
        var other = Map("""{"question": "q2", "response": "a</think>b"}""");

        Assert.Equal("17", withId.Id);
        Assert.Equal(first.Id, again.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(16, first.Id.Length);
    }

    [Fact]
    public void A_record_drp_wrote_is_read_back_unchanged()
    {
        var original = Map("""{"question": "q", "gold": "5", "response": "a</think>b"}""");
        var line = DrpJson.Serialize(original);

        var (back, mapped) = RecordMapper.Map(RawItem.Ok("x", JsonDocument.Parse(line).RootElement), "other", new LoadOptions());

        Assert.False(mapped);
        Assert.Equal(line, DrpJson.Serialize(back));
    }

    [Theory]
    [InlineData("question")]
    [InlineData("color=x")]
    [InlineData("trace=a..b")]
    public void Bad_maps_are_refused(string map)
    {
        Assert.Throws<FormatException>(() => FieldMap.Parse(map));
    }

    [Fact]
    public async Task Gold_answers_are_joined_by_normalised_question_text()
    {
        using var dir = new TempDir();
        var goldFile = dir.Write("gold.jsonl", """{"question": "How  many apples\nare there?", "answer": "Count.\n#### 42"}""" + "\n");
        var options = new LoadOptions { Gold = await GoldIndex.LoadAsync(goldFile) };

        var record = Map("""{"question": "how many apples are there?", "response": "a</think>b"}""", options);

        Assert.Equal("42", record.Gold);
    }
}

using System.Diagnostics;
using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Stages;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;
using Drp.Core.Tokens;

namespace Drp.Core.Tests.Teachers;

/// <summary>The LLM teacher over real HTTP against a scripted OpenAI-compatible server on 127.0.0.1.</summary>
public sealed class LlmTeacherTests
{
    private const string Reasoning = "Okay, so 14 trays of 12 muffins.\nThat is 14 * 12 = 168 muffins.\nWait, let me check.\nThen 168 - 150 = 18 muffins are left.";

    private static readonly DrpRecord Record = new()
    {
        Id = "bakery",
        Question = "14 trays of 12 muffins, 150 sold. How many are left?",
        Gold = "18",
        Trace = new Model.Trace(Reasoning, "\\boxed{18}", true),
    };

    private static OpenAiSettings Settings(FakeOpenAiServer server, int timeoutMs = 10_000) => new("test-model", "sk-test-key")
    {
        BaseUrl = server.BaseUrl,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromMilliseconds(timeoutMs),
        MaxRetries = 4,
    };

    private static LlmTeacher Teacher(FakeOpenAiServer server, UsageMeter? usage = null, int timeoutMs = 10_000) =>
        new(ChatStack.Online(Settings(server, timeoutMs), null, null, null, PromptSet.Embedded().Version, usage ?? new UsageMeter()), PromptSet.Embedded(), new LlmTeacherOptions());

    /// <summary>Fails the first <paramref name="failures"/> requests as <paramref name="failure"/>, then teaches.</summary>
    private static Func<FakeRequest, FakeResponse> FailFirst(int failures, FakeResponse failure) =>
        request => request.Number <= failures ? failure : FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt));

    [Fact]
    public async Task Decompose_then_prune_gives_verbatim_steps_and_a_trace_ending_with_the_answer()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var usage = new UsageMeter();
        var teacher = Teacher(server, usage);

        var steps = await teacher.DecomposeAsync(Record);
        var pruned = await teacher.PruneAsync(Record with { Steps = steps });

        Assert.Equal(4, steps.Count);
        Assert.Equal("That is 14 * 12 = 168 muffins.", steps[1].Text);
        Assert.Equal("arithmetic", steps[1].Skill);
        Assert.Equal("That is 14 * 12 = 168 muffins. Then 168 - 150 = 18 muffins are left. The answer is 18.", pruned.Reasoning);
        Assert.Equal("openai:test-model", pruned.Teacher);
        Assert.Contains(pruned.Actions, a => a.Action == StepActions.Delete && a.Steps.SequenceEqual([3]));
        Assert.Equal(2, server.RequestCount);
        Assert.All(server.Requests, r => Assert.Equal("Bearer sk-test-key", r.Authorization));
        Assert.Equal(1, usage.Snapshot()["decompose"].Requests);
        Assert.Equal(100, usage.Snapshot()["prune"].InputTokens);
    }

    [Fact]
    public async Task A_429_with_retry_after_ms_is_waited_out_then_retried()
    {
        var rateLimited = new FakeResponse(429, Headers: new Dictionary<string, string> { ["retry-after-ms"] = "400" });
        await using var server = await FakeOpenAiServer.StartAsync(FailFirst(1, rateLimited));
        var clock = Stopwatch.StartNew();

        var steps = await Teacher(server).DecomposeAsync(Record);

        Assert.Equal(4, steps.Count);
        Assert.Equal(2, server.RequestCount);
        Assert.True(clock.ElapsedMilliseconds >= 380, $"waited only {clock.ElapsedMilliseconds} ms");
    }

    [Theory]
    [InlineData("429 without Retry-After")]
    [InlineData("500")]
    [InlineData("503 with Retry-After seconds")]
    [InlineData("malformed JSON")]
    [InlineData("dropped connection")]
    [InlineData("timeout")]
    public async Task Transient_failures_are_retried_until_an_answer_comes(string fault)
    {
        var failure = fault switch
        {
            "429 without Retry-After" => new FakeResponse(429),
            "500" => new FakeResponse(500),
            "503 with Retry-After seconds" => new FakeResponse(503, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" }),
            "malformed JSON" => new FakeResponse(200, Body: """{"id": "chatcmpl-1", "choices": [{"message": """),
            "dropped connection" => new FakeResponse(Abort: true),
            _ => new FakeResponse(DelayMs: 3_000, Body: FakeOpenAiServer.Completion("late")),
        };
        await using var server = await FakeOpenAiServer.StartAsync(FailFirst(2, failure));

        // Only the timeout case needs a short timeout; the others get room for a loaded machine.
        var steps = await Teacher(server, timeoutMs: fault == "timeout" ? 1_000 : 10_000).DecomposeAsync(Record);

        Assert.Equal(4, steps.Count);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Failures_that_outlast_the_retries_reject_the_record_with_the_reason()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new FakeResponse(500));

        var error = await Assert.ThrowsAsync<TeacherException>(() => Teacher(server).DecomposeAsync(Record));

        Assert.Equal(RejectReasonsLlm.TeacherError, error.Reason);
        Assert.Contains("500", error.Message);
        Assert.Equal(5, server.RequestCount);
    }

    [Fact]
    public async Task A_bad_key_stops_the_teacher_altogether()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new FakeResponse(401, """{"error": {"message": "Incorrect API key", "type": "invalid_request_error"}}"""));

        await Assert.ThrowsAsync<TeacherUnavailableException>(() => Teacher(server).DecomposeAsync(Record));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task An_answer_cut_at_the_budget_is_asked_again_with_twice_the_budget()
    {
        await using var server = await FakeOpenAiServer.StartAsync(request => request.Number == 1
            ? FakeResponse.Answer("Step 1: Okay, so", "length")
            : FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt)));

        var steps = await Teacher(server).DecomposeAsync(Record);

        var requests = server.Requests.ToList();
        Assert.Equal(4, steps.Count);
        Assert.Equal(requests[0].MaxTokens * 2, requests[1].MaxTokens);
        Assert.True(requests[0].MaxTokens >= Reasoning.Length / 3, "the budget is sized from the input");
    }

    [Fact]
    public async Task A_decomposition_that_skips_text_gets_one_corrective_retry_that_says_why()
    {
        await using var server = await FakeOpenAiServer.StartAsync(request => request.Number == 1
            ? FakeResponse.Answer("Step 1: Okay, so 14 trays of 12 muffins.\nSkill: reading a given quantity")
            : FakeResponse.Answer(FakeOpenAiServer.Teach(request.Prompt)));

        var steps = await Teacher(server).DecomposeAsync(Record);

        Assert.Equal(4, steps.Count);
        Assert.Contains("not accepted: the steps cover", server.Requests.Last().Prompt);
    }

    [Theory]
    [InlineData("The reasoning is fine as it is.")]
    [InlineData("Here are the steps of the reasoning, in order.")]
    public async Task Useless_answers_are_rejected_after_the_corrective_retry(string content)
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer(content));

        var error = await Assert.ThrowsAsync<TeacherException>(() => Teacher(server).DecomposeAsync(Record));

        Assert.Equal(RejectReasonsLlm.BadDecomposition, error.Reason);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_pruned_trace_without_the_answer_sentence_is_corrected_or_rejected()
    {
        var steps = TeacherAnswerParser.ParseSteps(FakeOpenAiServer.Teach("\nReasoning:\n" + Reasoning));
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer("Actions:\nStep 1: KEEP\n## 14 * 12 = 168. So 18 are left."));

        var error = await Assert.ThrowsAsync<TeacherException>(() => Teacher(server).PruneAsync(Record with { Steps = steps }));

        Assert.Equal(RejectReasonsLlm.BadPruning, error.Reason);
        Assert.StartsWith("An earlier answer to the task below was not accepted: the pruned trace does not end with a sentence starting \"The answer is\"", server.Requests.Last().Prompt);
    }

    [Theory]
    [InlineData("## 14 * 12 = 168 muffins. The answer is 18.", "the pruned reasoning never reaches the answer it states (18)")]
    [InlineData("## 168 - 150 = 18. So the answer is 17. The answer is 18.", "the pruned trace states its answer twice in a row")]
    public async Task A_pruned_trace_that_states_an_answer_it_never_reached_or_twice_gets_the_corrective_retry(string trace, string problem)
    {
        var steps = TeacherAnswerParser.ParseSteps(FakeOpenAiServer.Teach("\nReasoning:\n" + Reasoning));
        await using var server = await FakeOpenAiServer.StartAsync(request => request.Number == 1
            ? FakeResponse.Answer("Actions:\nStep 1: KEEP\n" + trace)
            : FakeResponse.Answer("Actions:\nStep 1: KEEP\n## 14 * 12 = 168. Then 168 - 150 = 18. The answer is 18."));

        var pruned = await Teacher(server).PruneAsync(Record with { Steps = steps });

        Assert.Equal("14 * 12 = 168. Then 168 - 150 = 18. The answer is 18.", pruned.Reasoning);
        Assert.StartsWith($"An earlier answer to the task below was not accepted: {problem}", server.Requests.Last().Prompt);
    }

    [Theory]
    [InlineData("## 14 * 12 = 168. Then 168 - 150 = 18. So the answer is 18. The answer is 18.")]
    [InlineData("## 14 * 12 = 168. Then 168 - 150 = 18. **Final Answer**\n\\boxed{18}\n\nThe answer is 18.")]
    [InlineData("## 14 * 12 = 168. Then 168 - 150 = 18 muffins **Final Answer**\n\\boxed{18}\n\nThe answer is 18.")]
    public async Task A_closing_answer_said_twice_in_a_row_is_said_once_without_a_retry(string trace)
    {
        var steps = TeacherAnswerParser.ParseSteps(FakeOpenAiServer.Teach("\nReasoning:\n" + Reasoning));
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer("Actions:\nStep 1: KEEP\n" + trace));

        var pruned = await Teacher(server).PruneAsync(Record with { Steps = steps });

        Assert.Equal(trace.Contains("muffins") ? "14 * 12 = 168. Then 168 - 150 = 18 muffins The answer is 18." : "14 * 12 = 168. Then 168 - 150 = 18. The answer is 18.", pruned.Reasoning);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_pruned_trace_with_a_false_computation_gets_a_corrective_retry_that_names_it()
    {
        var steps = TeacherAnswerParser.ParseSteps(FakeOpenAiServer.Teach("\nReasoning:\n" + Reasoning));
        await using var server = await FakeOpenAiServer.StartAsync(request => request.Number == 1
            ? FakeResponse.Answer("Actions:\nStep 1: KEEP\n## 14 * 12 = 169 muffins. Then 169 - 150 = 18. The answer is 18.")
            : FakeResponse.Answer("Actions:\nStep 1: KEEP\n## 14 * 12 = 168 muffins. Then 168 - 150 = 18. The answer is 18."));

        var pruned = await Teacher(server).PruneAsync(Record with { Steps = steps });

        Assert.Equal("14 * 12 = 168 muffins. Then 168 - 150 = 18. The answer is 18.", pruned.Reasoning);
        Assert.StartsWith("An earlier answer to the task below was not accepted: it says what the student's reasoning never said: "
            + "in \"14 * 12 = 169 muffins.\", \"14 * 12 = 169\" does not hold: 14 * 12 is 168; the student's step says \"14 * 12 = 168\"", server.Requests.Last().Prompt);
    }

    [Fact]
    public async Task Findings_left_after_the_retry_are_left_for_validation_to_reject()
    {
        var steps = TeacherAnswerParser.ParseSteps(FakeOpenAiServer.Teach("\nReasoning:\n" + Reasoning));
        await using var server = await FakeOpenAiServer.StartAsync(_ =>
            FakeResponse.Answer("Actions:\nStep 1: KEEP\n## 14 * 12 = 168 muffins, and 37 more from the back. Then 168 - 150 = 18. The answer is 18."));
        var record = Record with { Steps = steps };

        var pruned = await Teacher(server).PruneAsync(record);
        var validated = ValidateStage.Validate(record with { Pruned = pruned });

        Assert.Equal(2, server.RequestCount);
        Assert.Equal(RejectReasons.Unfaithful, validated.Rejected!.Reason);
        Assert.StartsWith("unsupported_number: 37 is in neither the question nor the student's reasoning", validated.Rejected.Detail);
        Assert.Equal(FindingKinds.UnsupportedNumber, Assert.Single(validated.Validation!.Findings!).Kind);
    }

    [Fact]
    public async Task A_run_over_the_samples_exports_like_the_offline_run_and_a_rerun_sends_no_request()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var dir = new TempDir();
        async Task<RunSummary> Run()
        {
            var usage = new UsageMeter();
            var chat = ChatStack.Online(Settings(server), null, null, new ResponseCache(dir.File("cache")), PromptSet.Embedded().Version, usage);
            var teacher = new LlmTeacher(chat, PromptSet.Embedded(), new LlmTeacherOptions());
            var options = new RunOptions(TestPaths.SampleFile, dir.File("run"), new LoadOptions(), teacher, TokenCounters.Create("o200k"))
            {
                Parallelism = 8,
                Usage = usage,
                Price = Price.For("gpt-4o"),
            };
            return await RunPipeline.RunAsync(options);
        }

        var first = await Run();
        var firstTrain = File.ReadAllText(Path.Combine(dir.File("run"), "train.jsonl"));
        var requests = server.RequestCount;
        var second = await Run();

        Assert.Equal(12, first.Exported);
        Assert.Equal(13 * 2, requests); // every record with a complete trace: decompose and prune
        Assert.Equal(requests, server.RequestCount);
        Assert.Equal(0, second.TeacherUsage!.Values.Sum(u => u.Requests));
        Assert.Equal(requests, second.TeacherUsage!.Values.Sum(u => u.CacheHits));
        Assert.Equal(firstTrain, File.ReadAllText(Path.Combine(dir.File("run"), "train.jsonl")));
        Assert.True(first.CostUsd > 0);
        Assert.Equal("openai:test-model", first.Teacher);
    }
}

using System.Text.Json.Nodes;
using Drp.Core.Model;
using Drp.Core.Teachers;
using Drp.Core.Teachers.Llm;

namespace Drp.Core.Tests.Teachers;

/// <summary>The LLM teacher over real HTTP against answers dressed in the habits of real chat models (tests/Shared/ModelHabits.cs).</summary>
public sealed class ModelHabitsTests
{
    // An apostrophe and a line break inside a sentence: what models change when they copy a step.
    private const string Reasoning = "Let's see: 14 trays of 12 muffins.\nThat is 14 * 12\n= 168 muffins.\nWait, let me check.\nThen 168 - 150 = 18 muffins are left.";

    private static readonly DrpRecord Record = new()
    {
        Id = "bakery",
        Question = "14 trays of 12 muffins, 150 sold. How many are left?",
        Gold = "18",
        Trace = new Model.Trace(Reasoning, "\\boxed{18}", true),
    };

    private static LlmTeacher Teacher(FakeOpenAiServer server) =>
        new(ChatStack.Online(new OpenAiSettings("test-model", "sk-test") { BaseUrl = server.BaseUrl, MaxRetries = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) }, null, null, null, PromptSet.Embedded().Version, new UsageMeter()),
            PromptSet.Embedded(), new LlmTeacherOptions());

    private static async Task<(IReadOnlyList<Step> Steps, PrunedTrace Pruned, int Requests)> TeachAsync(Func<string, string> answer)
    {
        await using var server = await FakeOpenAiServer.StartAsync(request => FakeResponse.Answer(answer(request.Prompt)));
        var teacher = Teacher(server);
        var steps = await teacher.DecomposeAsync(Record);
        var pruned = await teacher.PruneAsync(Record with { Steps = steps });
        return (steps, pruned, server.RequestCount);
    }

    [Theory]
    [InlineData(Habit.Preamble)]
    [InlineData(Habit.SignOff)]
    [InlineData(Habit.Fence)]
    [InlineData(Habit.Markdown)]
    [InlineData(Habit.Thinking)]
    [InlineData(Habit.Typography)]
    [InlineData(Habit.ThinkingAfterPreamble)]
    [InlineData(Habit.ThinkingInFence)]
    [InlineData(Habit.DoubledAnswer)]
    [InlineData(Habit.ThinkingAfterPreamble | Habit.Markdown | Habit.DoubledAnswer)]
    [InlineData(Habit.All)]
    public async Task Answers_in_the_habits_of_real_models_give_what_clean_answers_give_without_a_retry(Habit habit)
    {
        var clean = await TeachAsync(FakeOpenAiServer.Teach);
        var dressed = await TeachAsync(prompt => ModelHabits.Dress(FakeOpenAiServer.Teach(prompt), habit));

        Assert.Equal(clean.Steps, dressed.Steps);
        Assert.Equal(clean.Pruned.Reasoning, dressed.Pruned.Reasoning);
        Assert.Equal(clean.Pruned.Actions.Select(a => (string.Join(",", a.Steps), a.Action)), dressed.Pruned.Actions.Select(a => (string.Join(",", a.Steps), a.Action)));
        Assert.Equal(2, dressed.Requests);
        Assert.Contains(clean.Steps, s => s.Text == "That is 14 * 12\n= 168 muffins.");
        Assert.DoesNotContain(dressed.Steps, s => s.Text.Contains("teacher") || s.Text.Contains("user wants"));
    }

    [Theory]
    [InlineData("Here is the result:\n\n<think>\nStep 1: my own idea\n</think>\n\nStep 1: a\nSkill: arithmetic", "Step 1: a")]
    [InlineData("```\n<think>\nStep 1: my own idea\n</think>\nStep 1: a\nSkill: arithmetic\n```", "Step 1: a")]
    [InlineData("Step 1: my own idea\n</think>\n\nStep 1: a\nSkill: arithmetic", "Step 1: a")]
    [InlineData("Sure.\n<think>\nStep 1: my own idea, never closed", "Sure.")]
    public void A_teachers_own_thinking_is_set_aside_wherever_it_stands(string answer, string kept)
    {
        var unwrapped = TeacherAnswerParser.Unwrapped(answer);

        Assert.DoesNotContain("my own idea", unwrapped);
        Assert.Contains(kept, unwrapped);
    }

    /// <summary>Decompositions of <see cref="Reasoning"/> written as chat models write them (by hand, in their styles).</summary>
    public static TheoryData<string> WrittenDecompositions => new()
    {
        "Here's the decomposition of the reasoning into steps:\n\n**Step 1:** Let’s see: 14 trays of 12 muffins.  \n**Skill:** reading a given quantity\n\n"
            + "**Step 2:** That is 14 * 12 = 168 muffins.  \n**Skill:** arithmetic\n\n**Step 3:** Wait, let me check.  \n**Skill:** verification\n\n"
            + "**Step 4:** Then 168 - 150 = **18** muffins are left.  \n**Skill:** clarify answer\n\nEach step covers exactly one skill.",
        "### Step 1\nLet's see: 14 trays of 12 muffins.\n*Skill:* reading a given quantity\n\n### Step 2\nThat is 14 * 12\n= 168 muffins.\n*Skill:* arithmetic\n\n"
            + "### Step 3\nWait, let me check.\n*Skill:* verification\n\n### Step 4\nThen 168 - 150 = 18 muffins are left.\n*Skill:* clarify answer",
        "<think>\nOkay, the user wants the reasoning split into steps. Step 1: the trays. Step 2: multiply. The answer is 18.\n</think>\n\n"
            + "Step 1: Let's see: 14 trays of 12 muffins.\nSkill: reading a given quantity\nStep 2: That is 14 * 12 = 168 muffins.\nSkill: arithmetic\n"
            + "Step 3: Wait, let me check.\nSkill: verification\nStep 4: Then 168 - 150 = 18 muffins are left.\nSkill: clarify answer",
    };

    [Theory]
    [MemberData(nameof(WrittenDecompositions))]
    public async Task Decompositions_as_chat_models_write_them_give_the_students_own_steps(string answer)
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer(answer));

        var steps = await Teacher(server).DecomposeAsync(Record);

        Assert.Equal(["Let's see: 14 trays of 12 muffins.", "That is 14 * 12\n= 168 muffins.", "Wait, let me check.", "Then 168 - 150 = 18 muffins are left."], steps.Select(s => s.Text));
        Assert.Equal("arithmetic", steps[1].Skill);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_reasoning_teachers_separate_reasoning_content_is_never_read()
    {
        await using var server = await FakeOpenAiServer.StartAsync(request =>
        {
            var body = JsonNode.Parse(FakeOpenAiServer.Completion(FakeOpenAiServer.Teach(request.Prompt)))!;
            body["choices"]![0]!["message"]!["reasoning_content"] = "Step 1: a draft\nSkill: planning\n## The answer is 12345.";
            return new FakeResponse(Body: body.ToJsonString());
        });
        var teacher = Teacher(server);

        var steps = await teacher.DecomposeAsync(Record);
        var pruned = await teacher.PruneAsync(Record with { Steps = steps });

        Assert.DoesNotContain(steps, s => s.Text.Contains("draft"));
        Assert.EndsWith("The answer is 18.", pruned.Reasoning);
    }

    [Theory]
    [InlineData("I'm sorry, but I can't help with that.", "stop", "declined the decompose task")]
    [InlineData("", "stop", "was empty")]
    [InlineData("<think>\nLet me think about the steps for a long time", "stop", "only the teacher's own thinking")]
    [InlineData("Step 1: Let's", "content_filter", "content filter")]
    public async Task Answers_a_retry_cannot_mend_reject_the_record_at_once_with_the_reason(string content, string finishReason, string detail)
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeResponse.Answer(content, finishReason));

        var error = await Assert.ThrowsAsync<TeacherException>(() => Teacher(server).DecomposeAsync(Record));

        Assert.Equal(RejectReasonsLlm.TeacherDeclined, error.Reason);
        Assert.Contains(detail, error.Message);
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData("```json\n{\"steps\": [{\"text\": \"a\", \"skill\": \"arithmetic\"},]}\n```")]
    [InlineData("Here is the JSON you asked for:\n{\"steps\": [{\"text\": \"a\", \"skill\": \"arithmetic\"}]}\nHope this helps!")]
    public void Structured_answers_are_read_through_fences_prose_and_a_trailing_comma(string answer)
    {
        var steps = TeacherAnswerParser.ParseSteps(answer);

        Assert.Equal([new Step(1, "a", "arithmetic")], steps);
    }

    [Theory]
    [InlineData("Actions:\n**Step 1:** keep\n- Step 2: Delete\n* Steps 3-4: merge\n\n## **Pruned reasoning:**\n14 * 12 = 168. The answer is 3.5.\n\n---\nLet me know!", "14 * 12 = 168. The answer is 3.5.")]
    [InlineData("Actions:\nStep 1: KEEP\n## 14 * 12 = 168. The answer is 18. I hope this helps.", "14 * 12 = 168. The answer is 18.")]
    [InlineData("Actions:\nStep 1: KEEP\n## 14 * 12 = 168. The answer is 18.\n\nBut 14 * 12 = 170.", "14 * 12 = 168. The answer is 18.\n\nBut 14 * 12 = 170.")]
    public void Prune_answers_are_read_without_heading_or_sign_off(string answer, string trace)
    {
        var (actions, pruned) = TeacherAnswerParser.ParsePrune(answer);

        Assert.Equal(trace, pruned);
        Assert.NotEmpty(actions);
        Assert.All(actions, a => Assert.Contains(a.Action, new[] { StepActions.Keep, StepActions.Delete, StepActions.Merge }));
    }

    [Fact]
    public void Steps_copied_with_curly_quotes_joined_lines_and_bold_digits_are_restored_to_the_students_text()
    {
        var steps = ReaderText.Restore(Reasoning, [new Step(1, "Let’s see: **14** trays of 12 muffins.", "reading"), new Step(2, "That is 14 * 12 = 168 muffins.", "arithmetic")]);

        Assert.Equal("Let's see: 14 trays of 12 muffins.", steps[0].Text);
        Assert.Equal("That is 14 * 12\n= 168 muffins.", steps[1].Text);
    }
}

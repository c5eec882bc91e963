using Drp.Core.Io;
using Drp.Core.Model;
using Drp.Core.Teachers;

namespace Drp.Core.Tests.Teachers;

public sealed class HeuristicTeacherTests
{
    internal const string Question = "A bakery bakes 14 trays of 12 muffins and sells 150. How many muffins are left?";

    internal const string Reasoning = """
        Okay, so the bakery bakes 14 trays of muffins and each tray has 12 muffins. I need to find how many are left.

        First, the total number of muffins. 14 * 12 = 168 muffins.

        Hmm, let me double-check that. 10 * 12 is 120 and 4 * 12 is 48, so 120 + 48 = 168. Yes, that's right.

        Now they sell 150 muffins. So the number left is 168 - 150 = 18 muffins.

        Wait, is that right? 150 + 18 = 168. Yes, that checks out.

        So the bakery has 18 muffins left.
        """;

    private static readonly HeuristicTeacher Teacher = new();

    private static DrpRecord Record(string reasoning = Reasoning, string answer = "\\boxed{18}") => new()
    {
        Id = "bakery",
        Question = Question,
        Gold = "18",
        Trace = new Trace(reasoning, answer, true),
    };

    private static async Task<DrpRecord> Decomposed(DrpRecord record) =>
        record with { Steps = await Teacher.DecomposeAsync(record) };

    [Fact]
    public async Task Decompose_covers_the_reasoning_verbatim_and_in_order()
    {
        var steps = await Teacher.DecomposeAsync(Record());

        var from = 0;
        foreach (var step in steps)
        {
            var at = Reasoning.IndexOf(step.Text, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"step {step.N} is not verbatim in order: {step.Text}");
            Assert.True(string.IsNullOrWhiteSpace(Reasoning[from..at]), $"text before step {step.N} was left out: {Reasoning[from..at]}");
            from = at + step.Text.Length;
        }

        Assert.True(string.IsNullOrWhiteSpace(Reasoning[from..]));
        Assert.Equal(Enumerable.Range(1, steps.Count), steps.Select(s => s.N));
    }

    [Fact]
    public async Task Decompose_labels_steps_by_what_they_do()
    {
        var steps = await Teacher.DecomposeAsync(Record());

        string SkillOf(string text) => steps.Single(s => s.Text.Contains(text, StringComparison.Ordinal)).Skill;
        Assert.Equal(Skills.Arithmetic, SkillOf("14 * 12 = 168 muffins"));
        Assert.Equal(Skills.Verification, SkillOf("let me double-check"));
        Assert.Equal(Skills.Reflection, SkillOf("Wait, is that right?"));
        Assert.Equal(Skills.Arithmetic, SkillOf("168 - 150 = 18"));
        Assert.All(steps, s => Assert.Contains(s.Skill, Skills.All));
    }

    [Fact]
    public async Task Prune_deletes_rechecks_keeps_the_computation_and_ends_with_the_answer()
    {
        var record = await Decomposed(Record());

        var pruned = await Teacher.PruneAsync(record);

        Assert.EndsWith("The answer is 18.", pruned.Reasoning);
        Assert.Contains("14 * 12 = 168", pruned.Reasoning);
        Assert.Contains("168 - 150 = 18", pruned.Reasoning);
        Assert.DoesNotContain("double-check", pruned.Reasoning);
        Assert.DoesNotContain("Wait", pruned.Reasoning);
        Assert.True(pruned.Reasoning.Length < Reasoning.Length * 0.6, pruned.Reasoning);
        Assert.Contains(pruned.Actions, a => a.Action == StepActions.Delete);
        Assert.Equal(record.Steps!.Select(s => s.N), pruned.Actions.SelectMany(a => a.Steps).Order());
    }

    [Fact]
    public async Task Prune_brings_back_a_deleted_step_whose_quantity_is_used_later()
    {
        const string reasoning = """
            Each box holds 6 pens and there are 7 boxes.

            Let me check the count first: 6 * 7 = 42 pens.

            Adding the 5 loose pens gives 42 + 5 = 47 pens.
            """;
        var record = await Decomposed(Record(reasoning, "\\boxed{47}") with { Question = "7 boxes hold 6 pens each, plus 5 loose pens. How many pens?" });

        var pruned = await Teacher.PruneAsync(record);

        Assert.Contains("6 * 7 = 42", pruned.Reasoning);
        Assert.Contains("42 + 5 = 47", pruned.Reasoning);
    }

    [Fact]
    public async Task A_kept_step_ending_with_a_colon_keeps_what_it_announces()
    {
        const string reasoning = """
            To find the percentage, I can use the formula:

            (Number of hip-hop students / Total students) * 100

            That's (12 / 20) * 100 = 60%.

            Hmm, let me double-check that. Yes, 60%.
            """;
        var record = await Decomposed(Record(reasoning, "\\boxed{60}") with { Question = "12 of 20 students dance hip-hop. What percentage is that?" });

        var pruned = await Teacher.PruneAsync(record);

        Assert.Contains("I can use the formula:\n\n(Number of hip-hop students / Total students) * 100", pruned.Reasoning);
    }

    [Fact]
    public async Task Pruning_is_deterministic()
    {
        var first = await Teacher.PruneAsync(await Decomposed(Record()));
        var second = await Teacher.PruneAsync(await Decomposed(Record()));

        Assert.Equal(first.Reasoning, second.Reasoning);
        Assert.Equal(
            DrpJson.Serialize(Record() with { Pruned = first }),
            DrpJson.Serialize(Record() with { Pruned = second }));
    }

    [Fact]
    public async Task Prune_without_steps_or_answer_fails_with_a_reason()
    {
        var noSteps = await Assert.ThrowsAsync<TeacherException>(() => Teacher.PruneAsync(Record()));
        var noAnswer = await Assert.ThrowsAsync<TeacherException>(async () =>
            await Teacher.PruneAsync(await Decomposed(Record("Nothing to see here.", "No idea."))));

        Assert.Equal(RejectReasons.NoSteps, noSteps.Reason);
        Assert.Equal(RejectReasons.NoAnswer, noAnswer.Reason);
    }

    [Fact]
    public async Task A_plan_whose_work_is_after_think_is_held_back_rather_than_given_an_answer_it_never_reached()
    {
        const string plan = """
            First, I need to find the total number of muffins by multiplying the trays by the muffins per tray.

            Next, I'll subtract the muffins that were sold.

            Finally, I'll present the number of muffins left.
            """;
        var record = await Decomposed(Record(plan, "14 * 12 = 168, and 168 - 150 = 18.\n\n\\boxed{18}"));

        var error = await Assert.ThrowsAsync<TeacherException>(() => Teacher.PruneAsync(record));

        Assert.Equal(RejectReasons.AnswerNotReached, error.Reason);
        Assert.Contains("never reaches the final answer 18", error.Message);
    }

    [Fact]
    public async Task An_answer_statement_the_trace_ends_with_gives_way_to_one_closing_sentence()
    {
        var record = await Decomposed(Record(Reasoning + "\n\nSo the answer is 18.\n\n\\boxed{18}"));

        var pruned = await Teacher.PruneAsync(record);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(pruned.Reasoning, "answer is"));
        Assert.DoesNotContain("boxed", pruned.Reasoning);
        Assert.EndsWith("The answer is 18.", pruned.Reasoning);
    }

    [Fact]
    public async Task A_boxed_result_that_is_where_the_answer_is_reached_stays_as_a_stated_result()
    {
        const string reasoning = """
            Okay, the point is (6, 0) and the closest point on the line is (2, 2).

            Hmm, wait, let me think about whether that is right. Yes, it is.

            The shortest distance is \boxed{2\sqrt{5}}.
            """;
        var record = await Decomposed(Record(reasoning, "The distance is $\\boxed{2\\sqrt{5}}$.") with { Gold = "2\\sqrt{5}" });

        var pruned = await Teacher.PruneAsync(record);

        Assert.Contains("The shortest distance is $2\\sqrt{5}$.", pruned.Reasoning);
        Assert.EndsWith("The answer is $2\\sqrt{5}$.", pruned.Reasoning);
    }
}

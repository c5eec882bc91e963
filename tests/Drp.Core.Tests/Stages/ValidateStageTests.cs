using Drp.Core.Export;
using Drp.Core.Model;
using Drp.Core.Stages;

namespace Drp.Core.Tests.Stages;

/// <summary>Validation checks what a training line carries: the pruned trace and the student's text after &lt;/think&gt;.</summary>
public sealed class ValidateStageTests
{
    private const string Reasoning = "Okay, so 14 * 12 = 168 muffins. Hmm, let me check: 120 + 48 = 168. Then 168 - 150 = 18. Wait, is that right? Yes. So 18 muffins are left.";
    private const string Pruned = "14 * 12 = 168 muffins. Then 168 - 150 = 18.\n\nThe answer is 18.";

    private static DrpRecord Record(string answer = "So \\boxed{18} muffins are left.", string pruned = Pruned, string reasoning = Reasoning) => new()
    {
        Id = "bakery",
        Question = "A bakery bakes 14 trays of 12 muffins and sells 150. How many are left?",
        Gold = "18",
        Trace = new Trace(reasoning, answer, true),
        Pruned = new PrunedTrace(pruned, [new StepAction([1], StepActions.Keep)], "test"),
    };

    private static string AnswerAfterThink(DrpRecord record) =>
        TrainingLines.SplitAssistant(TrainingExample.From(record, original: false, AnswerStyles.Original).AssistantTurn).Answer;

    [Fact]
    public void A_record_whose_trace_and_final_answer_hold_is_exported_with_the_students_final_answer()
    {
        var validated = ValidateStage.Validate(Record());

        Assert.Null(validated.Rejected);
        Assert.Null(validated.Validation!.AnswerReplaced);
        Assert.Equal("So \\boxed{18} muffins are left.", AnswerAfterThink(validated));
    }

    [Theory]
    [InlineData("1000 - 982 = 18 muffins.\n\nSo there are \\boxed{1", RejectReasons.FinalAnswerCut)]
    [InlineData("", RejectReasons.FinalAnswerCut)]
    [InlineData("The bakery has 20 trays in the end.", RejectReasons.FinalAnswerUnclear)]
    public void A_cut_or_unclear_final_answer_is_replaced_by_the_answer_sentence_and_says_why(string answer, string reason)
    {
        var validated = ValidateStage.Validate(Record(answer));

        Assert.Null(validated.Rejected);
        Assert.Equal(reason, validated.Validation!.AnswerReplaced);
        Assert.Equal("The answer is 18.", AnswerAfterThink(validated));
    }

    [Fact]
    public void A_cut_final_answer_rejects_the_record_when_asked()
    {
        var validated = ValidateStage.Validate(Record("So there are \\boxed{1"), BadFinalAnswer.Reject);

        Assert.Equal(RejectReasons.FinalAnswerCut, validated.Rejected?.Reason);
        Assert.False(ExportStage.IsExportable(validated));
    }

    [Fact]
    public void A_clear_final_answer_other_than_the_gold_is_a_wrong_answer()
    {
        var validated = ValidateStage.Validate(Record("So \\boxed{17} muffins are left."));

        Assert.Equal(RejectReasons.WrongAnswer, validated.Rejected?.Reason);
        Assert.Contains("after </think> is 17", validated.Rejected!.Detail);
    }

    [Theory]
    [InlineData("I'll multiply the trays by the muffins and subtract what was sold.\n\nThe answer is 18.", RejectReasons.AnswerNotReached)]
    [InlineData("Then 168 - 150 = 18. So the answer is 18.\n\nThe answer is 18.", RejectReasons.DoubledAnswer)]
    [InlineData("14 * 12 = 168 muffins. Then 168 - 150 = 18.", RejectReasons.NoAnswer)]
    public void A_pruned_trace_that_breaks_a_rule_is_rejected_with_its_reason(string pruned, string reason)
    {
        var validated = ValidateStage.Validate(Record(pruned: pruned));

        Assert.Equal(reason, validated.Rejected?.Reason);
    }

    [Fact]
    public void A_pruned_trace_no_shorter_than_the_original_is_rejected()
    {
        var validated = ValidateStage.Validate(Record(reasoning: "168 - 150 = 18.", pruned: "168 - 150 = 18.\n\nThe answer is 18."));

        Assert.Equal(RejectReasons.NotShorter, validated.Rejected?.Reason);
    }

    [Fact]
    public void A_pruned_trace_with_more_tokens_than_the_original_is_rejected()
    {
        var validated = ValidateStage.Validate(Record() with { Tokens = new TokenStats(20, 20, "o200k") });

        Assert.Equal(RejectReasons.NotShorter, validated.Rejected?.Reason);
        Assert.Contains("20 tokens", validated.Rejected!.Detail);
    }

    [Fact]
    public void Replaced_answers_are_counted_by_reason_in_the_summary()
    {
        var summary = new SummaryBuilder("test", "o200k");
        summary.Add(ValidateStage.Validate(Record("So there are \\boxed{1")));
        summary.Add(ValidateStage.Validate(Record("")));
        summary.Add(ValidateStage.Validate(Record()));

        var built = summary.Build();

        Assert.Equal(3, built.Exported);
        Assert.Equal(new Dictionary<string, int> { [RejectReasons.FinalAnswerCut] = 2 }, built.AnswersReplaced);
    }

    [Theory]
    [InlineData("", "the student wrote nothing after </think>")]
    [InlineData("So there are \\boxed{1", "the student's text after </think> is cut off: \"So there are \\boxed{1\"")]
    [InlineData("The bakery has 20 trays in the end, after a long day of baking muffins for the whole town and more.",
        "states no answer equal to the gold answer 18: \"…er a long day of baking muffins for the whole town and more.\"")]
    public void A_rejected_final_answer_says_what_the_student_wrote(string answer, string detail)
    {
        var validated = ValidateStage.Validate(Record(answer), BadFinalAnswer.Reject);

        Assert.EndsWith(detail, validated.Rejected!.Detail);
        Assert.False(validated.Validation!.Ok);
        Assert.Equal(validated.Rejected.Detail, validated.Validation.Reason);
    }

    [Theory]
    [InlineData(null, RejectReasons.NotPruned, "run drp prune first")]
    [InlineData("no gold", RejectReasons.MissingGold, "--map gold=PATH")]
    public void A_record_that_cannot_be_validated_says_what_is_missing(string? missing, string reason, string hint)
    {
        var record = missing is null ? Record() with { Pruned = null } : Record() with { Gold = null };

        var validated = ValidateStage.Validate(record);

        Assert.Equal(reason, validated.Rejected?.Reason);
        Assert.Contains(hint, validated.Rejected!.Detail);
        Assert.False(validated.Validation!.Ok);
    }
}
